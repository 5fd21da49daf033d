/**
 * Strategic merge patch (`kctl patch`'s default type), as Kubernetes' apimachinery applies it: maps merge,
 * null removes a key, lists the shape names (shape.ts) merge element by element on their merge key, other
 * lists are replaced. Directives: `$patch: replace|delete|merge` in a map or a list element,
 * `$retainKeys`, `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>`.
 * Merged lists come out in apimachinery's order: elements of the patch first where the original does not
 * place them, the original's order otherwise.
 */
import { isMergedList, type MergedList, type PatchShape } from './shape';
import { deepCopy, isPlainMap, jsonEqual } from './values';

export class StrategicPatchError extends Error {}

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM = '$deleteFromPrimitiveList/';
const ELEMENT_ORDER = '$setElementOrder/';

/** The patched copy of `original`; `undefined` when the patch deletes the whole object. */
export function applyStrategicPatch(original: unknown, patch: unknown, shape: PatchShape): unknown {
  if (!isPlainMap(patch)) throw new StrategicPatchError('a strategic merge patch must be an object');
  return mergeMap(isPlainMap(original) ? deepCopy(original) : {}, patch, shape);
}

function mergeMap(original: Record<string, unknown>, patch: Record<string, unknown>, shape: PatchShape | undefined): Record<string, unknown> | undefined {
  const directive = patch[PATCH];
  if (directive !== undefined && directive !== 'replace' && directive !== 'delete' && directive !== 'merge') {
    throw new StrategicPatchError(`unknown patch directive ${JSON.stringify(directive)} (${PATCH} must be replace, delete or merge)`);
  }
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return withoutDirectives(patch);

  const result = original;
  for (const [key, value] of Object.entries(patch)) {
    if (key === PATCH || key === RETAIN_KEYS || key.startsWith(ELEMENT_ORDER)) continue;
    if (key.startsWith(DELETE_FROM)) {
      deleteFromPrimitiveList(result, key.slice(DELETE_FROM.length), value);
      continue;
    }
    if (key === '__proto__') throw new StrategicPatchError('the key __proto__ is not allowed');
    if (value === null) {
      delete result[key];
      continue;
    }
    const field = shape?.[key];
    const current = result[key];
    if (isPlainMap(value)) {
      const merged = mergeMap(isPlainMap(current) ? current : {}, value, isMergedList(field) ? undefined : field);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (Array.isArray(value) && isMergedList(field)) {
      const order = patch[`${ELEMENT_ORDER}${key}`];
      result[key] = mergeList(Array.isArray(current) ? current : [], value, field, Array.isArray(order) ? order : undefined);
    } else result[key] = Array.isArray(value) ? value.map(withoutDirectivesDeep) : value;
  }
  const retain = patch[RETAIN_KEYS];
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new StrategicPatchError(`${RETAIN_KEYS} must be a list of field names`);
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  return result;
}

function mergeList(original: unknown[], patch: unknown[], list: MergedList, elementOrder: unknown[] | undefined): unknown[] {
  const key = list.mergeKey;
  if (key === undefined) return mergePrimitives(original, patch);
  const replaceAll = patch.some((p) => isPlainMap(p) && p[PATCH] === 'replace' && Object.keys(p).length === 1);
  if (replaceAll) return patch.filter((p) => !(isPlainMap(p) && p[PATCH] === 'replace' && Object.keys(p).length === 1)).map(withoutDirectivesDeep);

  let merged = [...original];
  const patchItems: unknown[] = [];
  for (const item of patch) {
    if (!isPlainMap(item) || !(key in item)) throw new StrategicPatchError(`a list element has no merge key "${key}": ${JSON.stringify(item)}`);
    const at = merged.findIndex((o) => isPlainMap(o) && jsonEqual(o[key], item[key]));
    if (item[PATCH] === 'delete') {
      merged = merged.filter((o) => !(isPlainMap(o) && jsonEqual(o[key], item[key])));
      continue;
    }
    const next = mergeMap(at >= 0 ? (merged[at] as Record<string, unknown>) : {}, item, list.item);
    if (next === undefined) continue;
    if (at >= 0) merged[at] = next;
    else merged.push(next);
    patchItems.push(next);
  }
  const keyOf = (v: unknown) => (isPlainMap(v) ? v[key] : undefined);
  const fromPatch = new Set(patchItems);
  const serverOnly = merged.filter((m) => !fromPatch.has(m));
  const patchOrder = elementOrder ?? patch;
  return mergeSorted(
    sortBy(serverOnly, original, keyOf),
    sortBy(patchItems, patchOrder, keyOf),
    original,
    keyOf,
  );
}

/** A list of primitives with the merge strategy is a set: the patch's values are added if new. */
function mergePrimitives(original: unknown[], patch: unknown[]): unknown[] {
  const merged = [...original];
  for (const v of patch) if (!merged.some((o) => jsonEqual(o, v))) merged.push(v);
  const fromPatch = sortBy(merged.filter((m) => patch.some((p) => jsonEqual(p, m))), patch, (v) => v);
  const serverOnly = merged.filter((m) => !patch.some((p) => jsonEqual(p, m)));
  return mergeSorted(serverOnly, fromPatch, original, (v) => v);
}

function deleteFromPrimitiveList(result: Record<string, unknown>, field: string, values: unknown): void {
  if (!Array.isArray(values)) throw new StrategicPatchError(`${DELETE_FROM}${field} must be a list`);
  const current = result[field];
  if (Array.isArray(current)) result[field] = current.filter((v) => !values.some((d) => jsonEqual(d, v)));
}

/** `items` in the order their keys take in `order`; items whose key is not there keep their place at the end. */
function sortBy(items: unknown[], order: unknown[], keyOf: (v: unknown) => unknown): unknown[] {
  const rank = (v: unknown) => {
    const i = order.findIndex((o) => jsonEqual(keyOf(o), keyOf(v)));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return items.map((v, i) => ({ v, i, r: rank(v) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ v }) => v);
}

/**
 * apimachinery's mergeSortedSlice: takes from the original-only items while they come before the next patch
 * item in the original's order; a patch item the original does not hold goes first.
 */
function mergeSorted(serverOnly: unknown[], patchItems: unknown[], original: unknown[], keyOf: (v: unknown) => unknown): unknown[] {
  const indexIn = (v: unknown) => original.findIndex((o) => jsonEqual(keyOf(o), keyOf(v)));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (j >= patchItems.length) out.push(serverOnly[i++]);
    else if (i >= serverOnly.length) out.push(patchItems[j++]);
    else {
      const li = indexIn(serverOnly[i]);
      const ri = indexIn(patchItems[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(patchItems[j++]);
    }
  }
  return out;
}

function withoutDirectives(map: Record<string, unknown>): Record<string, unknown> {
  return withoutDirectivesDeep(map) as Record<string, unknown>;
}

/** A value the patch sets as a whole, with directives (meaningless there) removed. */
function withoutDirectivesDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDirectivesDeep);
  if (!isPlainMap(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === PATCH || k === RETAIN_KEYS || k.startsWith(ELEMENT_ORDER) || k.startsWith(DELETE_FROM)) continue;
    if (v === null) continue;
    out[k] = withoutDirectivesDeep(v);
  }
  return out;
}
