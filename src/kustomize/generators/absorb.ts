/**
 * Adds generated objects to the resources by their behavior: create (the id must be new), merge (data, labels
 * and annotations merged into the existing object, the generator's values winning) or replace (the generator's
 * data instead of the existing one's). Merged and replaced objects keep the existing name and namespace.
 */
import { KctlError } from '../../errors';
import { allIds, currentId, idString, meta, sameId, type Obj, type Resource } from '../resource';

export function absorbGenerated(list: Resource[], generated: Resource): Resource[] {
  const id = currentId(generated);
  const matches = list.filter((r) => allIds(r).some((other) => sameId(other, id)));
  if (matches.length > 1) throw new KctlError(`found multiple objects that could accept merge of ${idString(id)}`);
  if (matches.length === 0) {
    if (generated.behavior !== 'create') throw new KctlError(`id ${idString(id)} does not exist; cannot merge or replace`);
    return [...list, generated];
  }
  if (generated.behavior === 'create') throw new KctlError(`id ${idString(id)} exists; behavior must be merge or replace`);
  const old = matches[0];
  const merged = generated.obj;
  const oldMeta = meta(old.obj);
  const newMeta = meta(merged);
  for (const field of ['labels', 'annotations']) {
    const both = { ...((oldMeta[field] ?? {}) as Obj), ...((newMeta[field] ?? {}) as Obj) };
    if (Object.keys(both).length) newMeta[field] = both;
  }
  newMeta.name = oldMeta.name;
  if (oldMeta.namespace === undefined) delete newMeta.namespace;
  else newMeta.namespace = oldMeta.namespace;
  if (generated.behavior === 'merge') {
    for (const field of ['data', 'binaryData']) {
      const both = { ...((old.obj[field] ?? {}) as Obj), ...((merged[field] ?? {}) as Obj) };
      if (Object.keys(both).length) merged[field] = both;
    }
  }
  const replacement: Resource = { obj: merged, prevIds: old.prevIds, needsHash: generated.needsHash };
  return list.map((r) => (r === old ? replacement : r));
}
