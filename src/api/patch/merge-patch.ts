/**
 * JSON merge patch (RFC 7386, `kctl patch --type merge`): maps merge key by key, null removes a key, and
 * anything else, lists included, replaces what was there.
 */
import { isPlainMap } from './values';

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainMap(patch)) return patch;
  const result: Record<string, unknown> = isPlainMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    // As an own key even for `__proto__` (a plain assignment would swap the object's prototype): it is then
    // refused as the unknown field it is, as the API server refuses it.
    else Object.defineProperty(result, key, { value: applyMergePatch(Object.prototype.hasOwnProperty.call(result, key) ? result[key] : undefined, value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}
