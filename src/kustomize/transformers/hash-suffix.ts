/** The content-hash suffix of generated objects, added last, on their final content (after every overlay). */
import { contentHash } from '../generators/hash';
import { meta, nameOf, storePreviousId, type Resource } from '../resource';

export function addHashSuffixes(list: Resource[]): Resource[] {
  for (const r of list) {
    if (!r.needsHash) continue;
    const hash = contentHash(r.obj);
    storePreviousId(r);
    meta(r.obj).name = `${nameOf(r.obj)}-${hash}`;
  }
  return list;
}
