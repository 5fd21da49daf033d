/** `replicas`: spec.replicas of the workloads named (by their original or current name). */
import { KctlError } from '../../errors';
import { REPLICAS, selects } from '../field-specs';
import { mapList, type Kustomization } from '../kustomization-file';
import { currentId, originalId, type Resource } from '../resource';

export function setReplicas(k: Kustomization, list: Resource[]): Resource[] {
  for (const entry of mapList(k, 'replicas')) {
    const name = String(entry.name ?? '');
    const count = entry.count;
    if (typeof count !== 'number' || !Number.isInteger(count)) throw new KctlError(`${k.shown}: replicas: count of "${name}" must be an integer`);
    const matched = list.filter((r) => REPLICAS.some((s) => selects(s, r.obj)) && (originalId(r).name === name || currentId(r).name === name));
    if (matched.length === 0) {
      throw new KctlError(`resource with name ${name} does not match a config with the following GVK [${REPLICAS.map((s) => `${s.kind}.[noVer].[noGrp]`).join(' ')}]`);
    }
    for (const r of matched) {
      const spec = (r.obj.spec ??= {}) as Record<string, unknown>;
      spec.replicas = count;
    }
  }
  return list;
}
