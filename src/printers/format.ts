/**
 * printObjects: `kctl get` output in every -o format. Tables group objects by kind (one table per kind,
 * separated by a blank line as kubectl does for `get all`); json and yaml print one object as itself and
 * anything else as a `kind: List`; jsonpath and custom-columns follow kubectl's dialects.
 */
import type { KObject } from '../api/types';
import { findKind } from '../api/kinds';
import { KctlError, UsageError } from '../errors';
import { columnsFromFile, columnsFromSpec, renderCustomColumns } from './custom-columns';
import { goJSON } from './gojson';
import { renderKindTable } from './human';
import { executeJSONPath, parseJSONPath, type Json } from './jsonpath';
import { parseOutputFormat } from './output-format';
import { sortObjects } from './sort';

export interface PrintOptions {
  /** The -o value: wide, yaml, json, name, jsonpath=..., jsonpath-as-json=..., jsonpath-file=...,
   *  custom-columns=..., custom-columns-file=... (undefined: the table). */
  output?: string;
  noHeaders?: boolean;
  showLabels?: boolean;
  /** -L keys, one column each. */
  labelColumns?: string[];
  allNamespaces?: boolean;
  /** --sort-by JSONPath (`.metadata.name`, `{.status.replicas}`). */
  sortBy?: string;
  /** Names as `deployment.apps/web` (kubectl does this when several kinds are listed, as in `get all`). */
  kindHeaderPrefix?: boolean;
  /** json/yaml/jsonpath: wrap in a List even for one object (kubectl does unless ONE object was named). */
  list?: boolean;
  /** jsonpath: missing fields print nothing (kubectl's --allow-missing-template-keys, default true). */
  allowMissingTemplateKeys?: boolean;
  now: Date;
  colour: boolean;
}

export function printObjects(objects: KObject[], opts: PrintOptions): string {
  const format = parseOutputFormat(opts.output);
  // Parse templates before anything is printed, so a bad -o fails even when there is nothing to show.
  const columns = format.type === 'custom-columns' ? columnsFromSpec(format.spec) : format.type === 'custom-columns-file' ? columnsFromFile(format.path) : undefined;
  const template = format.type === 'jsonpath' ? parseTemplate(format.template) : undefined;
  const sorted = opts.sortBy ? sortObjects(objects, opts.sortBy) : objects;

  switch (format.type) {
    case 'table':
      return byKind(sorted, objects)
        .map(([kind, group]) => renderKindTable(kind, group, { ...opts, wide: format.wide, kindPrefix: opts.kindHeaderPrefix }))
        .filter((t) => t !== '')
        .join(opts.noHeaders ? '' : '\n');
    case 'name':
      return sorted.map((o) => `${findKind(o.kind)?.display ?? o.kind.toLowerCase()}/${o.metadata.name}\n`).join('');
    case 'json':
      return goJSON(document(sorted, opts), '    ') + '\n';
    case 'yaml':
      return toYaml(document(sorted, opts));
    case 'jsonpath':
      return runTemplate(format.template, template!, document(sorted, opts), opts, format.asJson);
    case 'custom-columns':
    case 'custom-columns-file':
      return renderCustomColumns(sorted, columns!, Boolean(opts.noHeaders));
  }
}

/** One group per kind, in the order the kinds came (before sorting), each group in sorted order. */
function byKind(sorted: KObject[], original: KObject[]): [string, KObject[]][] {
  const groups = new Map<string, KObject[]>(original.map((o) => [o.kind, []]));
  for (const o of sorted) groups.get(o.kind)!.push(o);
  return [...groups];
}

/** What json, yaml and jsonpath print: the object itself, or a List as kubectl builds it. */
function document(objects: KObject[], opts: PrintOptions): Json {
  const data = JSON.parse(JSON.stringify(objects)) as Json[];
  if (data.length === 1 && !opts.list) return data[0];
  return { apiVersion: 'v1', items: data, kind: 'List', metadata: { resourceVersion: '' } };
}

/** sigs.k8s.io/yaml output: keys sorted, lists not indented under their key, YAML 1.1 quoting (`"yes"`). */
function toYaml(doc: Json): string {
  const YAML = require('yaml') as typeof import('yaml');
  return YAML.stringify(doc, { version: '1.1', sortMapEntries: true, indentSeq: false, blockQuote: 'literal' });
}

function parseTemplate(source: string) {
  try {
    return parseJSONPath(source);
  } catch (e) {
    throw new UsageError(`error parsing jsonpath ${source}, ${(e as Error).message}`);
  }
}

function runTemplate(source: string, template: ReturnType<typeof parseJSONPath>, data: Json, opts: PrintOptions, asJson: boolean): string {
  try {
    return executeJSONPath(template, data, { allowMissingKeys: opts.allowMissingTemplateKeys ?? true, asJson });
  } catch (e) {
    throw new KctlError(`error executing jsonpath ${JSON.stringify(source)}: Error executing template: ${(e as Error).message}`);
  }
}
