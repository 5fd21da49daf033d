/**
 * Everything that turns objects into text, as kubectl prints it. The API (heavy modules -- yaml,
 * cli-table3, chalk -- load only when used):
 *
 *   printObjects(objects: KObject[], opts: PrintOptions): string
 *     `get` output. opts: { output?: ''|'wide'|'yaml'|'json'|'name'|'jsonpath=T'|'jsonpath-as-json=T'|
 *     'jsonpath-file=F'|'go-template=T'|'go-template-file=F'|'template=T'|'templatefile=F'|'custom-columns=SPEC'|
 *     'custom-columns-file=F'; template? (--template: the template of a bare template -o, alone go-template);
 *     noHeaders?; showLabels?;
 *     labelColumns?: string[]; allNamespaces?; sortBy?: jsonpath; kindHeaderPrefix? (`deployment.apps/web`
 *     names, for several kinds); list? (json/yaml/jsonpath/go-template: a List even for one object -- pass true unless ONE
 *     object was asked for by name); allowMissingTemplateKeys? (default true); now: Date; colour: boolean }.
 *     Returns the text to write to stdout ("" for no objects in a table). Throws UsageError for a bad -o,
 *     template or --sort-by, KctlError when a template fails on the data (PartialOutputError for a go-template:
 *     kubectl prints the partial output and a debugging dump before the error).
 *   checkPrintOptions({ output?, template? })   throws what printObjects would for a bad -o or template.
 *   describe(obj: KObject, ctx: { events: KEvent[]; pods?; replicaSets?; endpoints?: KObject[]; now: Date }): string
 *     kubectl describe's text for one object, ending with a newline (kubectl separates objects by "\n\n").
 *   age(from: string | Date | undefined, now: Date): string     `3m20s`, `<unknown>` for no timestamp.
 *   colourEnabled(out: { isTTY }, env): boolean                 (from './colour': TTY, NO_COLOR, FORCE_COLOR)
 *   parseJSONPath(template) / executeJSONPath(t, data, { allowMissingKeys?, asJson? })   kubectl's JSONPath.
 */
export { checkPrintOptions, printObjects, type PrintOptions } from './format';
export { describe, type DescribeContext } from './describe';
export { age, humanDuration } from './age';
export { colourEnabled } from './colour';
export { parseJSONPath, executeJSONPath, relaxedJSONPath } from './jsonpath';
