/** The lists a strategic merge patch merges for a kind (its patchShape, with metadata's): kctl patch and kustomize share it. */
import { kindShape, type PatchShape } from '../api/patch/shape';
import { kindDefinition } from './registry';

export function shapeOf(kind: string): PatchShape {
  return kindShape(kindDefinition(kind)?.patchShape);
}
