/**
 * A Go text/template engine with kubectl's function set, for `-o go-template=...`:
 *
 *   parseGoTemplate(name, text)   the template, or a TemplateParseError with Go's message
 *                                 (`template: output:1: unclosed action`)
 *   executeGoTemplate(t, data, { missingKeyError })   the text; a TemplateExecError with Go's message
 *                                 (`template: output:1:2: executing "output" at <.a>: ...`) and `.output`, what
 *                                 was printed before the failure
 *
 * Data is a decoded JSON document: numbers are float64 as in kubectl (`{{.spec.replicas}}` of 1000000 prints
 * `1e+06`). See lexer.ts, parser.ts, exec.ts, funcs.ts and fmt.ts.
 */
import { execute, type ExecOptions } from './exec';
import { FUNCS } from './funcs';
import { parseTemplateText, type TreeSet } from './parser';
import type { GoValue } from './values';

export { TemplateParseError } from './parser';
export { goQuote, sprint as goSprint } from './fmt';
export { TemplateExecError } from './exec';
export type { GoValue } from './values';

export interface GoTemplate {
  name: string;
  text: string;
  trees: TreeSet;
}

const FUNC_NAMES = new Set(Object.keys(FUNCS));

export function parseGoTemplate(name: string, text: string): GoTemplate {
  return { name, text, trees: parseTemplateText(name, text, FUNC_NAMES) };
}

export function executeGoTemplate(t: GoTemplate, data: GoValue, opts: ExecOptions): string {
  return execute(t.trees, t.name, t.text, FUNCS, data, opts);
}
