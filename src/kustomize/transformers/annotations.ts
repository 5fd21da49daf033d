/** `commonAnnotations`: on every resource's metadata and its pod templates. */
import { COMMON_ANNOTATIONS, setPairs } from '../field-specs';
import { stringMap, type Kustomization } from '../kustomization-file';
import type { Resource } from '../resource';

export function addAnnotations(k: Kustomization, list: Resource[]): Resource[] {
  const pairs = stringMap(k, 'commonAnnotations');
  for (const r of list) setPairs(r.obj, COMMON_ANNOTATIONS, pairs);
  return list;
}
