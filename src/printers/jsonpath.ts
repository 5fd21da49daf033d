/**
 * kubectl's JSONPath templates (`-o jsonpath=`, `-o custom-columns=`, `--sort-by`): text with `{...}`
 * actions, ranges, filters, recursive descent. Parsing and evaluation follow client-go's util/jsonpath; see
 * jsonpath/parser.ts and jsonpath/evaluate.ts. Output follows kubectl: results of one action joined by a
 * space, maps and lists as compact JSON, scalars as text.
 */
import { goJSON } from './gojson';
import { findResults, type Json } from './jsonpath/evaluate';
import type { ListNode } from './jsonpath/nodes';
import { parseTemplate } from './jsonpath/parser';

export type { Json } from './jsonpath/evaluate';

export interface JSONPathTemplate {
  source: string;
  root: ListNode;
}

/** Parses a template; throws an Error with client-go's parser message (e.g. `unclosed action`). */
export function parseJSONPath(source: string): JSONPathTemplate {
  return { source, root: parseTemplate(source) };
}

export interface ExecuteOptions {
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json: each action's results as an indented JSON array. */
  asJson?: boolean;
}

/** The template's text for `data`; throws an Error with client-go's evaluation message. */
export function executeJSONPath(t: JSONPathTemplate, data: Json, opts: ExecuteOptions = {}): string {
  const sets = findResults(t.root, data, { allowMissingKeys: opts.allowMissingKeys ?? true });
  if (opts.asJson) return sets.map((set) => goJSON(set, '    ') + '\n').join('');
  return sets.map((set) => set.map(resultText).join(' ')).join('');
}

/** The values the template finds, flattened (custom-columns and --sort-by use these). */
export function findJSONPathValues(t: JSONPathTemplate, data: Json): Json[] {
  return findResults(t.root, data, { allowMissingKeys: true }).flat();
}

function resultText(v: Json): string {
  if (v !== null && typeof v === 'object') return goJSON(v);
  return v === null ? '<nil>' : String(v);
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression: `name1.name2`, `.name1.name2`, `{name1.name2}` and `{.name1.name2}`
 * all become `{.name1.name2}`.
 */
export function relaxedJSONPath(expression: string): string {
  if (expression === '') return expression;
  const m = RELAXED.exec(expression);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] ?? m[2]}}`;
}
