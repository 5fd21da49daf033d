/** Checks of a Secret the JSON Schema cannot express (k8s ValidateSecret): keys, base64 data, size, keys its type requires. */
import { base64Error } from '../../api/base64';
import { configKeyErrors } from '../../api/names';
import { entries, isString, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';

/** The most data a Secret may hold (Kubernetes' MaxSecretSize, which limits ConfigMaps too). */
export const DATA_MAX_BYTES = 1024 * 1024;

/** Keys a Secret of a given type must carry (k8s ValidateSecret). */
const SECRET_TYPE_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export function validate(p: Problems, obj: Json): void {
  let size = 0;
  for (const field of ['data', 'stringData']) {
    for (const [key, value] of entries(obj[field])) {
      p.invalid([field, key], key, configKeyErrors(key), { path: [field, key], part: 'key' });
      if (!isString(value)) continue;
      if (field === 'data') {
        const err = base64Error(value);
        if (err) p.add([field, key], err);
      }
      size += value.length;
    }
  }
  if (size > DATA_MAX_BYTES) p.tooLong(['data'], DATA_MAX_BYTES);
  const keys = new Set([...entries(obj.data), ...entries(obj.stringData)].map(([k]) => k));
  for (const required of SECRET_TYPE_KEYS[obj.type as string] ?? []) {
    if (!keys.has(required)) p.required(['data', required]);
  }
  if (obj.type === 'kubernetes.io/basic-auth' && !keys.has('username') && !keys.has('password')) {
    p.required(['data', 'username']);
    p.required(['data', 'password']);
  }
}
