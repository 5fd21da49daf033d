/**
 * Checks of object metadata, labels, annotations and label selectors (k8s apimachinery's ValidateObjectMeta and
 * ValidateLabelSelector): every kind's metadata, and the pod templates and selectors inside specs.
 */
import { dns1123LabelErrors, labelValueErrors, objectNameErrors, qualifiedNameErrors, type NameRule } from './names';
import { entries, isObj, isString, list, type FieldPath, type Problems } from './problems';
import type { Json } from './types';

/** `nameRule` is the kind's (its info's nameRule). */
export function checkObjectMeta(p: Problems, obj: Json, nameRule: NameRule): void {
  if (!isObj(obj.metadata)) return; // the schema reports it
  const meta = obj.metadata;
  if (meta.name === undefined || meta.name === '') {
    p.required(['metadata', 'name'], meta.generateName ? 'kctl does not support generateName; set metadata.name' : 'name or generateName is required');
  } else if (isString(meta.name)) {
    p.invalid(['metadata', 'name'], meta.name, objectNameErrors(nameRule, meta.name));
  }
  if (isString(meta.namespace) && meta.namespace !== '') p.invalid(['metadata', 'namespace'], meta.namespace, dns1123LabelErrors(meta.namespace));
  checkLabelsAndAnnotations(p, meta, ['metadata']);
}

const ANNOTATIONS_MAX_BYTES = 256 * 1024;

export function checkLabelsAndAnnotations(p: Problems, meta: Json, path: FieldPath): void {
  checkLabels(p, meta.labels, [...path, 'labels']);
  const annotations = entries(meta.annotations);
  let size = 0;
  for (const [key, value] of annotations) {
    p.invalid([...path, 'annotations'], key, qualifiedNameErrors(key.toLowerCase()), { path: [...path, 'annotations', key], part: 'key' });
    size += Buffer.byteLength(key) + (isString(value) ? Buffer.byteLength(value) : 0);
  }
  if (size > ANNOTATIONS_MAX_BYTES) p.tooLong([...path, 'annotations'], ANNOTATIONS_MAX_BYTES);
}

export function checkLabels(p: Problems, labels: unknown, path: FieldPath): void {
  for (const [key, value] of entries(labels)) {
    p.invalid(path, key, qualifiedNameErrors(key), { path: [...path, key], part: 'key' });
    if (isString(value)) p.invalid(path, value, labelValueErrors(value), { path: [...path, key], part: 'value' });
  }
}

export function checkLabelSelector(p: Problems, selector: Json, path: FieldPath): void {
  checkLabels(p, selector.matchLabels, [...path, 'matchLabels']);
  list(selector.matchExpressions).forEach((e, i) => {
    if (!isObj(e)) return;
    const at = [...path, 'matchExpressions', i];
    if (isString(e.key)) p.invalid([...at, 'key'], e.key, qualifiedNameErrors(e.key));
    const values = list(e.values);
    if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) {
      p.required([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'");
    }
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0) {
      p.forbidden([...at, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    }
    values.forEach((v, j) => isString(v) && p.invalid([...at, 'values', j], v, labelValueErrors(v)));
  });
}
