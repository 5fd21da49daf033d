/**
 * The human-readable `get` table of one kind, decorated as kubectl's decorateTable does: a leading NAMESPACE
 * column with -A, `kind/name` names when several kinds are listed, one column per -L label, then LABELS.
 */
import type { KObject } from '../api/types';
import { findKind } from '../api/kinds';
import { columnsFor } from './columns';
import { formatLabels } from './columns/common';
import { renderTable } from './table';

export interface HumanOptions {
  wide: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  allNamespaces?: boolean;
  kindPrefix?: boolean;
  now: Date;
  colour: boolean;
}

/** All objects must be of one kind. */
export function renderKindTable(kind: string, objects: KObject[], opts: HumanOptions): string {
  const columns = columnsFor(kind);
  const info = findKind(kind);
  let headers = columns.headers(opts.wide);
  let rows = objects.map((o) => columns.cells(o, { now: opts.now, wide: opts.wide }));
  const nameColumn = headers.indexOf('NAME');
  if (opts.kindPrefix && nameColumn !== -1) {
    const prefix = info?.display ?? kind.toLowerCase();
    rows = rows.map((r) => r.map((cell, i) => (i === nameColumn ? `${prefix}/${cell}` : cell)));
  }
  if (opts.allNamespaces && (info?.namespaced ?? true)) {
    headers = ['NAMESPACE', ...headers];
    rows = rows.map((r, i) => [objects[i].metadata.namespace ?? '', ...r]);
  }
  const labelKeys = opts.labelColumns ?? [];
  if (labelKeys.length) {
    // kubectl heads a label column with the key's last path segment: app.kubernetes.io/name -> NAME.
    headers = [...headers, ...labelKeys.map((k) => k.split('/').pop()!.toUpperCase())];
    rows = rows.map((r, i) => [...r, ...labelKeys.map((k) => objects[i].metadata.labels?.[k] ?? '')]);
  }
  if (opts.showLabels) {
    headers = [...headers, 'LABELS'];
    rows = rows.map((r, i) => [...r, formatLabels(objects[i].metadata.labels)]);
  }
  return renderTable(headers, rows, { noHeaders: opts.noHeaders, colour: opts.colour });
}
