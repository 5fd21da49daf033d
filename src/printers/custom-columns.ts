/**
 * -o custom-columns=HEADER:PATH,... and -o custom-columns-file=FILE (a line of headers, a line of paths),
 * as kubectl's CustomColumnsPrinter: paths are relaxed JSONPath, a missing value prints `<none>`, several
 * values are joined by commas, headers are printed as given.
 */
import type { KObject } from '../api/types';
import { KctlError, UsageError } from '../errors';
import { goSprint } from './gojson';
import { findJSONPathValues, parseJSONPath, relaxedJSONPath, type JSONPathTemplate, type Json } from './jsonpath';
import { readTemplateFile } from './output-format';
import { renderTable } from './table';

export interface Column {
  header: string;
  path: JSONPathTemplate;
}

export function columnsFromSpec(spec: string): Column[] {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon === -1) throw new UsageError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return column(part.slice(0, colon), part.slice(colon + 1));
  });
}

export function columnsFromFile(path: string): Column[] {
  const problem = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  const lines = readTemplateFile(path, 'template').split(/\r?\n/);
  if (lines.length < 1 || lines[0] === '') throw new UsageError(`invalid template, missing header line. ${problem}`);
  if (lines.length < 2) throw new UsageError(`invalid template, missing spec line. ${problem}`);
  const headers = lines[0].split(/\s+/).filter(Boolean);
  const specs = lines[1].split(/\s+/).filter(Boolean);
  if (headers.length !== specs.length) {
    throw new UsageError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((h, i) => column(h, specs[i]));
}

function column(header: string, expression: string): Column {
  try {
    return { header, path: parseJSONPath(relaxedJSONPath(expression)) };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function renderCustomColumns(objects: KObject[], columns: Column[], noHeaders: boolean): string {
  const rows = objects.map((o) =>
    columns.map((c) => {
      let values: Json[];
      try {
        values = findJSONPathValues(c.path, o as unknown as Json);
      } catch (e) {
        throw new KctlError((e as Error).message);
      }
      return values.length ? values.map(goSprint).join(',') : '<none>';
    }),
  );
  return renderTable(columns.map((c) => c.header), rows, { noHeaders });
}
