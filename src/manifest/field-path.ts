/** Prints a field path as kubectl does: spec.containers[0].name, data[tls.crt], metadata.labels[app.kubernetes.io/name]. */
import type { FieldPath } from '../api/problems';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || !IDENTIFIER.test(seg)) out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
