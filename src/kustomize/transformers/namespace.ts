/** `namespace:` sets metadata.namespace on every namespaced resource (cluster-scoped kinds are left alone). */
import { stringField, type Kustomization } from '../kustomization-file';
import { isNamespaceable, kindOf, meta, storePreviousId, type Resource } from '../resource';

export function setNamespace(k: Kustomization, list: Resource[]): Resource[] {
  const namespace = stringField(k, 'namespace');
  if (!namespace) return list;
  for (const r of list) {
    if (!isNamespaceable(kindOf(r.obj))) continue;
    storePreviousId(r);
    meta(r.obj).namespace = namespace;
  }
  return list;
}
