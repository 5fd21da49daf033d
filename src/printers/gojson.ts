/**
 * Values rendered the way Go renders kubectl's decoded objects: encoding/json (map keys sorted, <, > and &
 * escaped as \u003c \u003e \u0026) and fmt's %v (`map[a:1 b:[x y]]`, `<nil>`). kubectl users see these
 * in -o json, jsonpath and custom-columns output; matching them keeps scripts portable.
 */

/** json.Marshal (indent "") or json.MarshalIndent(v, "", indent); `keepOrder` for a value already in a Go struct's order. */
export function goJSON(value: unknown, indent = '', keepOrder = false): string {
  const text = JSON.stringify(keepOrder ? value : sortKeys(value), null, indent) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** fmt.Sprint of a decoded JSON value. */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `map[${keys.map((k) => `${k}:${goSprint(obj[k])}`).join(' ')}]`;
  }
  return String(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) out[k] = sortKeys(obj[k]);
  return out;
}
