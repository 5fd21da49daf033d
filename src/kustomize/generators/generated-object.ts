/**
 * A generator's object (ConfigMap or Secret) with its options: generatorOptions of the kustomization merged
 * into the entry's own `options` (the kustomization's labels and annotations win, either's
 * disableNameSuffixHash or immutable applies).
 */
import { KctlError } from '../../errors';
import { stringMap, type Kustomization } from '../kustomization-file';
import type { Obj, Resource } from '../resource';

export function generatedResource(k: Kustomization, entry: Obj, field: string, kind: 'ConfigMap' | 'Secret', body: Obj): Resource {
  const name = typeof entry.name === 'string' ? entry.name : '';
  if (!name) throw new KctlError(`${k.shown}: ${field}: a ${kind.toLowerCase()} must have a name`);
  const local = (entry.options ?? {}) as Obj;
  const global = (k.fields.generatorOptions ?? {}) as Obj;
  const labels = { ...stringMap(k, `${field}.options.labels`, local.labels), ...stringMap(k, 'generatorOptions.labels', global.labels) };
  const annotations = { ...stringMap(k, `${field}.options.annotations`, local.annotations), ...stringMap(k, 'generatorOptions.annotations', global.annotations) };
  const metadata: Obj = { name };
  if (typeof entry.namespace === 'string' && entry.namespace) metadata.namespace = entry.namespace;
  if (Object.keys(labels).length) metadata.labels = labels;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  const obj: Obj = { apiVersion: 'v1', kind, metadata, ...body };
  if (local.immutable === true || global.immutable === true) obj.immutable = true;
  const behavior = entry.behavior === undefined ? 'create' : entry.behavior;
  if (behavior !== 'create' && behavior !== 'merge' && behavior !== 'replace') {
    throw new KctlError(`${k.shown}: ${field} ${name}: behavior must be create, merge or replace, not ${JSON.stringify(behavior)}`);
  }
  return { obj, prevIds: [], needsHash: !(local.disableNameSuffixHash === true || global.disableNameSuffixHash === true), behavior };
}
