/** namePrefix and nameSuffix, on every name but those of Namespaces, CRDs and APIServices (as kustomize skips them). */
import { stringField, type Kustomization } from '../kustomization-file';
import { groupVersion, kindOf, meta, nameOf, storePreviousId, type Obj, type Resource } from '../resource';

function skipped(obj: Obj): boolean {
  const kind = kindOf(obj);
  return kind === 'Namespace' || kind === 'CustomResourceDefinition' || (kind === 'APIService' && groupVersion(obj).group === 'apiregistration.k8s.io');
}

function affix(list: Resource[], rename: (name: string) => string): Resource[] {
  for (const r of list) {
    if (skipped(r.obj)) continue;
    storePreviousId(r);
    meta(r.obj).name = rename(nameOf(r.obj));
  }
  return list;
}

export function addNamePrefix(k: Kustomization, list: Resource[]): Resource[] {
  const prefix = stringField(k, 'namePrefix');
  return prefix ? affix(list, (name) => prefix + name) : list;
}

export function addNameSuffix(k: Kustomization, list: Resource[]): Resource[] {
  const suffix = stringField(k, 'nameSuffix');
  return suffix ? affix(list, (name) => name + suffix) : list;
}
