/** Checks of a ConfigMap the JSON Schema cannot express (k8s ValidateConfigMap): keys, base64 binaryData, size. */
import { base64Error } from '../../api/base64';
import { configKeyErrors } from '../../api/names';
import { entries, isObj, isString, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';
import { DATA_MAX_BYTES } from '../secret/validate';

export function validate(p: Problems, obj: Json): void {
  let size = 0;
  for (const [key, value] of entries(obj.data)) {
    p.invalid(['data', key], key, configKeyErrors(key), { path: ['data', key], part: 'key' });
    if (isObj(obj.binaryData) && key in obj.binaryData) {
      p.invalid(['data', key], key, ['duplicate of key present in binaryData'], { path: ['data', key], part: 'key' });
    }
    if (isString(value)) size += value.length;
  }
  for (const [key, value] of entries(obj.binaryData)) {
    p.invalid(['binaryData', key], key, configKeyErrors(key), { path: ['binaryData', key], part: 'key' });
    if (isString(value)) {
      const err = base64Error(value);
      if (err) p.add(['binaryData', key], err);
      size += value.length;
    }
  }
  if (size > DATA_MAX_BYTES) p.tooLong(isObj(obj.data) ? ['data'] : ['binaryData'], DATA_MAX_BYTES);
}
