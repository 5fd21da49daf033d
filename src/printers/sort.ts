/**
 * --sort-by as kubectl does it (kubectl/pkg/cmd/get/sorter.go): a relaxed JSONPath expression, objects
 * without the field first, numbers by value, strings in natural order (`pod-2` before `pod-10`).
 */
import type { KObject } from '../api/types';
import { KctlError, UsageError } from '../errors';
import { findJSONPathValues, parseJSONPath, relaxedJSONPath, type Json } from './jsonpath';

export function sortObjects(objects: KObject[], sortBy: string): KObject[] {
  let field: string;
  let template;
  try {
    field = relaxedJSONPath(sortBy);
    template = parseJSONPath(field);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const keys = objects.map((o) => {
    try {
      return findJSONPathValues(template, o as unknown as Json)[0];
    } catch (e) {
      throw new KctlError((e as Error).message);
    }
  });
  // A field on no object at all is most likely a typo; kubectl refuses it too.
  if (objects.length > 0 && keys.every((k) => k === undefined)) {
    throw new UsageError(`couldn't find any field with path "${field}" in the list of objects`);
  }
  const order = objects.map((_, i) => i).sort((a, b) => compareKeys(keys[a], keys[b]));
  return order.map((i) => objects[i]);
}

function compareKeys(a: Json | undefined, b: Json | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = typeof a === 'string' ? a : JSON.stringify(a);
  const y = typeof b === 'string' ? b : JSON.stringify(b);
  return naturalLess(x, y) ? -1 : naturalLess(y, x) ? 1 : 0;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** vbom.ml/util/sortorder.NaturalLess: digit runs compare as numbers, everything else bytewise. */
export function naturalLess(s1: string, s2: string): boolean {
  let i = 0;
  let j = 0;
  while (i < s1.length && j < s2.length) {
    const d1 = isDigit(s1[i]);
    const d2 = isDigit(s2[j]);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (s1[i] !== s2[j]) return s1[i] < s2[j];
      i++;
      j++;
      continue;
    }
    while (s1[i] === '0') i++;
    while (s2[j] === '0') j++;
    const nz1 = i;
    const nz2 = j;
    while (isDigit(s1[i])) i++;
    while (isDigit(s2[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = s1.slice(nz1, i);
    const n2 = s2.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    // Equal numbers: fewer leading zeros first.
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}
