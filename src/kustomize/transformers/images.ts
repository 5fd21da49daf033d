/**
 * `images`: the image of every container and init container (wherever a `containers` list sits in the object,
 * as kustomize's legacy filter looks) whose name matches, with newName, newTag and digest. A new tag drops the
 * old digest and a new digest the old tag.
 */
import { KctlError } from '../../errors';
import { mapList, type Kustomization } from '../kustomization-file';
import type { Obj, Resource } from '../resource';

interface ImageRule {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export function setImages(k: Kustomization, list: Resource[]): Resource[] {
  for (const entry of mapList(k, 'images')) {
    const rule = toRule(k, entry);
    for (const r of list) visitContainers(r.obj, (c) => {
      if (typeof c.image === 'string' && imageMatches(c.image, rule.name)) c.image = rewrite(c.image, rule);
    });
  }
  return list;
}

function toRule(k: Kustomization, entry: Obj): ImageRule {
  const text = (f: string) => (entry[f] === undefined || entry[f] === null ? undefined : String(entry[f]));
  const name = text('name');
  if (!name) throw new KctlError(`${k.shown}: images: each entry needs a name`);
  return { name, newName: text('newName'), newTag: text('newTag'), digest: text('digest') };
}

function visitContainers(node: unknown, fn: (container: Obj) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => visitContainers(n, fn));
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node as Obj)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const c of value) if (typeof c === 'object' && c !== null) fn(c as Obj);
    } else visitContainers(value, fn);
  }
}

/** kustomize's IsImageMatched: the name (as a pattern, unescaped as kustomize uses it), then an optional tag or digest. */
function imageMatches(image: string, name: string): boolean {
  try {
    return new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`).test(image);
  } catch {
    return false;
  }
}

/** Name, tag and digest of `[host[:port]/]path[:tag][@digest]`. */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const from = slash > 0 ? slash : 0;
  const at = image.indexOf('@', from);
  const colon = image.indexOf(':', from);
  if (at < 0 && colon < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (colon < 0 || at < colon)) return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  if (at >= 0) return { name: image.slice(0, colon), tag: image.slice(colon + 1, at), digest: image.slice(at + 1) };
  return { name: image.slice(0, colon), tag: image.slice(colon + 1), digest: '' };
}

function rewrite(image: string, rule: ImageRule): string {
  let { name, tag, digest } = splitImage(image);
  if (rule.newName) name = rule.newName;
  if (rule.newTag && rule.digest) [tag, digest] = [rule.newTag, rule.digest];
  else if (rule.newTag) [tag, digest] = [rule.newTag, ''];
  else if (rule.digest) [tag, digest] = ['', rule.digest];
  return name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
}
