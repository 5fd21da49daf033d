/**
 * The values a template sees, in Go's terms. kubectl hands the template an object decoded from JSON into
 * interface{}: maps are map[string]interface {}, lists []interface {}, integral numbers int64 and the others
 * float64 (a JS number). Template literals and len make Go ints. `null` is a nil interface (JSON null);
 * `undefined` is the invalid reflect.Value a missing map key gives, which prints as `<no value>`.
 */

/** A Go integer: its type shows in errors and %T, and decides what it compares with. */
export class GoInt {
  constructor(
    readonly value: bigint,
    readonly type: 'int' | 'int64' | 'uint8' = 'int',
  ) {}
}

export const goInt = (n: number | bigint): GoInt => new GoInt(BigInt(n));

export type GoValue = undefined | null | string | boolean | number | GoInt | GoValue[] | GoMap;
export interface GoMap {
  [key: string]: GoValue;
}

export const isMap = (v: GoValue): v is GoMap => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoInt);

/** The Go type name, as errors and %T print it. */
export function typeName(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (v instanceof GoInt) return v.type;
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** Go's truth of a value in if/with/and/or/not: false for the zero value and for empty strings, lists and maps. */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (v instanceof GoInt) return v.value !== 0n;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}

/** A map's keys in the order Go's range and fmt visit them (sorted). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
