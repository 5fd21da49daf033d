/**
 * What kctl can do with a custom kind: get (with the version's additionalPrinterColumns, else NAME and AGE, as
 * kubectl prints custom objects), describe, delete, label, annotate, patch, wait. No controller acts on them, as on
 * a cluster where the operator that would is not installed.
 */
import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import type { KindColumns } from '../../printers/columns/types';
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';
import { customKind, versionOf } from './kinds';

export function customKindDefinition(kind: string): KindDefinition | undefined {
  const custom = customKind(kind);
  if (!custom) return undefined;
  return {
    kind,
    columns: printerColumns(custom.crd),
    describe: (obj, ctx) => (require('./describe') as typeof import('./describe')).describeCustomObject(obj, ctx),
    verbs: MANIFEST_VERBS,
    categories: custom.crd.spec?.names?.categories ?? [],
  };
}

function printerColumns(crd: KObject): KindColumns {
  const columns = ((versionOf(crd, undefined)?.additionalPrinterColumns ?? []) as any[]).filter((c) => c?.name && c?.jsonPath);
  if (columns.length === 0) return { headers: () => ['NAME', 'AGE'], cells: (obj, { now }) => [obj.metadata.name, age(obj.metadata.creationTimestamp, now)] };
  const shown = (wide: boolean) => columns.filter((c) => wide || !c.priority);
  return {
    headers: (wide) => ['NAME', ...shown(wide).map((c) => String(c.name).toUpperCase())],
    cells: (obj, { now, wide }) => [obj.metadata.name, ...shown(wide).map((c) => cell(obj, c, now))],
  };
}

/** kubectl's cell of a printer column: the value at jsonPath, a date as an age, nothing when absent. */
function cell(obj: KObject, column: any, now: Date): string {
  const { findJSONPathValues, parseJSONPath, relaxedJSONPath } = require('../../printers/jsonpath') as typeof import('../../printers/jsonpath');
  let values: unknown[];
  try {
    values = findJSONPathValues(parseJSONPath(relaxedJSONPath(column.jsonPath)), obj as any);
  } catch {
    return '<invalid>';
  }
  if (values.length === 0 || values[0] === undefined || values[0] === null) return '<none>';
  const value = values[0];
  if (column.type === 'date' && typeof value === 'string') return age(value, now);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
