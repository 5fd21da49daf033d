/**
 * Kubernetes fields that mean nothing on one Docker host. They are accepted, so real manifests (Helm output,
 * `kubectl get -o yaml` exports) apply, and each one present gets a warning. No warning when the value is
 * empty or is Kubernetes' own default, because ignoring it then changes nothing.
 * Each kind lists its fields in src/kinds/<kind>/ignored-fields.ts; the schemas describe each of them as
 * "Ignored by kctl" (tests/unit/manifest-schema.test.ts checks). Remove an entry when kctl starts to honour the field.
 */
import type { IgnoredFields } from '../api/kind-parts';
import type { FieldPath } from '../api/problems';
import { kindParts } from '../kinds/catalog';

/** Paths of the ignored fields present in a (schema-valid) object, in the order of the kind's sections. */
export function ignoredFieldPaths(obj: { kind: string }): FieldPath[] {
  const found: FieldPath[] = [];
  for (const { at, fields } of kindParts(obj.kind)?.ignored?.().ignoredSections ?? []) {
    for (const { value, path } of sectionsAt(obj, at, [])) collect(value, path, fields, found);
  }
  return found;
}

/** The values at a path whose `'*'` steps stand for every item of a list. */
function sectionsAt(value: unknown, at: FieldPath, path: FieldPath): { value: unknown; path: FieldPath }[] {
  if (at.length === 0) return [{ value, path }];
  const [step, ...rest] = at;
  if (step === '*') return Array.isArray(value) ? value.flatMap((item, i) => sectionsAt(item, rest, [...path, i])) : [];
  return isObject(value) ? sectionsAt(value[step], rest, [...path, step]) : [];
}

function collect(section: unknown, path: FieldPath, fields: IgnoredFields, found: FieldPath[]): void {
  if (!isObject(section)) return;
  for (const [name, harmless] of Object.entries(fields)) {
    const value = section[name];
    if (value !== undefined && !isEmpty(value) && !harmless.some((h) => sameJson(h, value))) found.push([...path, name]);
  }
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEmpty(v: unknown): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
