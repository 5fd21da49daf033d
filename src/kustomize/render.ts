/** kustomize build's output: each object as sigs.k8s.io/yaml prints it, `---` between them. */
import { goYaml } from '../printers/go-yaml';
import type { Obj } from './resource';

export function renderBuild(objects: Obj[]): string {
  return objects.map((o) => goYaml(o)).join('---\n');
}
