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
import { inGoStructOrder } from './go-struct-order';
import { renderKindTable } from './human';
import { executeJSONPath, parseJSONPath, type Json } from './jsonpath';
import { parseOutputFormat } from './output-format';
import { sortObjects } from './sort';

export interface PrintOptions {
  /** The -o value: wide, yaml, json, name, jsonpath=..., jsonpath-as-json=..., jsonpath-file=..., go-template=...,
   *  go-template-file=..., template=..., templatefile=..., custom-columns=..., custom-columns-file=...
   *  (undefined: the table). */
  output?: string;
  /** --template: the template of a bare template -o (`-o jsonpath --template=...`); alone it means go-template. */
  template?: string;
  noHeaders?: boolean;
  showLabels?: boolean;
  /** -L keys, one column each. */
  labelColumns?: string[];
  allNamespaces?: boolean;
  /** --sort-by JSONPath (`.metadata.name`, `{.status.replicas}`). */
  sortBy?: string;
  /** Names as `deployment.apps/web` (kubectl does this when several kinds are listed, as in `get all`). */
  kindHeaderPrefix?: boolean;
  /** json/yaml/jsonpath/go-template: wrap in a List even for one object (kubectl does unless ONE object was named). */
  list?: boolean;
  /** jsonpath and go-template: a missing field prints nothing / `<no value>` rather than failing
   *  (kubectl's --allow-missing-template-keys, default true). */
  allowMissingTemplateKeys?: boolean;
  /** One object kubectl would print from its typed struct (one it generated): -o json in Go's field order. */
  goStructOrder?: boolean;
  /** The -o formats the command accepts (default: every one; OBJECT_FORMATS for the verbs that print what they change). */
  formats?: readonly string[];
  now: Date;
  colour: boolean;
}

/** -o and its templates, parsed: a bad one throws before anything is printed (or changed, when a command checks first). */
function preparePrinter(opts: Pick<PrintOptions, 'output' | 'template' | 'formats'>) {
  const format = parseOutputFormat(opts.output, opts.template, opts.formats);
  const columns = format.type === 'custom-columns' ? columnsFromSpec(format.spec) : format.type === 'custom-columns-file' ? columnsFromFile(format.path) : undefined;
  const template = format.type === 'jsonpath' ? parseTemplate(format.template) : undefined;
  const goTemplate = format.type === 'go-template' ? goTemplatePrinter().parseKubectlGoTemplate(format.template) : undefined;
  return { format, columns, template, goTemplate };
}

/** Throws the UsageError printObjects would for this -o (kubectl checks its printer before a command changes anything). */
export function checkPrintOptions(opts: Pick<PrintOptions, 'output' | 'template' | 'formats'>): void {
  preparePrinter(opts);
}

export function printObjects(objects: KObject[], opts: PrintOptions): string {
  const { format, columns, template, goTemplate } = preparePrinter(opts);
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
      return opts.goStructOrder && sorted.length === 1 && !opts.list ? goJSON(inGoStructOrder(sorted[0]), '    ', true) + '\n' : goJSON(document(sorted, opts), '    ') + '\n';
    case 'yaml':
      return toYaml(document(sorted, opts));
    case 'jsonpath':
      return runTemplate(format.template, template!, document(sorted, opts), opts, format.asJson);
    case 'go-template':
      return goTemplatePrinter().runKubectlGoTemplate(goTemplate!, document(sorted, opts), opts.allowMissingTemplateKeys ?? true);
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

/** The Go template engine loads only when a go-template format is used (start-up time). */
const goTemplatePrinter = () => require('./go-template-output') as typeof import('./go-template-output');

/** What json, yaml, jsonpath and go-template print: the object itself, or a List as kubectl builds it. */
function document(objects: KObject[], opts: PrintOptions): Json {
  const data = JSON.parse(JSON.stringify(objects)) as Json[];
  if (data.length === 1 && !opts.list) return data[0];
  return { apiVersion: 'v1', items: data, kind: 'List', metadata: { resourceVersion: '' } };
}

/** sigs.k8s.io/yaml output, as kubectl prints -o yaml (go-yaml.ts). */
function toYaml(doc: Json): string {
  return (require('./go-yaml') as typeof import('./go-yaml')).goYaml(doc);
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
