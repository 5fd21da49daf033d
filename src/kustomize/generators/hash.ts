/**
 * kustomize's content-hash name suffix: sha256 of the JSON of {data, kind, name, ...} (Go's encoding, keys
 * sorted), its first 10 hex digits with 0, 1, 3, a, e swapped for letters so that it never reads as a number
 * or a word. `name` is always "": kustomize looks the name up at the path "metadata/name" as ONE field name,
 * finds nothing, and every published suffix depends on that.
 */
import { createHash } from 'crypto';
import { goJSON } from '../../printers/gojson';
import type { Obj } from '../resource';

export function contentHash(obj: Obj): string {
  return encode(createHash('sha256').update(goJSON(hashedFields(obj))).digest('hex'));
}

function hashedFields(obj: Obj): Obj {
  const field = (f: string) => (obj[f] === undefined || obj[f] === null ? '' : typeof obj[f] === 'object' ? obj[f] : String(obj[f]));
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (obj.kind === 'ConfigMap') {
    const out: Obj = { kind: 'ConfigMap', name: '', data: field('data') };
    if (isMap(obj.binaryData)) out.binaryData = obj.binaryData;
    return out;
  }
  if (obj.kind === 'Secret') {
    const out: Obj = { kind: 'Secret', type: field('type'), name: '', data: field('data') };
    if (isMap(obj.stringData)) out.stringData = obj.stringData;
    return out;
  }
  return obj;
}

function encode(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return Array.from(hex.slice(0, 10), (c) => swap[c] ?? c).join('');
}
