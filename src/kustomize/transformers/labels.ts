/**
 * `labels` (each entry: pairs, includeSelectors, includeTemplates, fields) and then `commonLabels`, which also
 * go into selectors and pod templates (kustomize's default field specs).
 */
import { KctlError } from '../../errors';
import { COMMON_LABELS, METADATA_LABELS, setPairs, type FieldSpec } from '../field-specs';
import { mapList, stringMap, type Kustomization } from '../kustomization-file';
import type { Obj, Resource } from '../resource';

export function addLabels(k: Kustomization, list: Resource[]): Resource[] {
  for (const entry of mapList(k, 'labels')) {
    const pairs = stringMap(k, 'labels.pairs', entry.pairs);
    const specs = entry.includeSelectors === true ? COMMON_LABELS : entry.includeTemplates === true ? METADATA_LABELS : [METADATA_LABELS[0]];
    const all = [...customFields(k, entry.fields), ...specs];
    for (const r of list) setPairs(r.obj, all, pairs);
  }
  const common = stringMap(k, 'commonLabels');
  for (const r of list) setPairs(r.obj, COMMON_LABELS, common);
  return list;
}

function customFields(k: Kustomization, fields: unknown): FieldSpec[] {
  if (fields === undefined || fields === null) return [];
  if (!Array.isArray(fields)) throw new KctlError(`${k.shown}: labels.fields must be a list`);
  return fields.map((f: Obj) => {
    if (typeof f?.path !== 'string') throw new KctlError(`${k.shown}: labels.fields: each field needs a path`);
    return { path: f.path, create: f.create === true, kind: f.kind as string | undefined, group: f.group as string | undefined, version: f.version as string | undefined };
  });
}
