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
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
