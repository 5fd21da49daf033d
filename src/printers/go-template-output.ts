/**
 * kubectl's go-template printer (cli-runtime printers/template.go, genericclioptions/template_flags.go) over the
 * engine in ./go-template: the template is named "output"; the object is decoded as kubectl decodes it (integral
 * numbers int64, the rest float64); a failure prints what the template wrote and kubectl's debugging dump on
 * stdout, then the error. Loaded only when a go-template format is used.
 */
import { PartialOutputError, UsageError } from '../errors';
import { executeGoTemplate, goQuote, goSprint, parseGoTemplate, TemplateExecError, type GoTemplate, type GoValue } from './go-template';
import { GoInt } from './go-template/values';
import { goJSON } from './gojson';
import type { Json } from './jsonpath';

export function parseKubectlGoTemplate(source: string): GoTemplate {
  try {
    return parseGoTemplate('output', source);
  } catch (e) {
    throw new UsageError(`error parsing template ${source}, ${(e as Error).message}`);
  }
}

export function runKubectlGoTemplate(template: GoTemplate, doc: Json, allowMissingKeys: boolean): string {
  const data = decode(doc);
  try {
    return executeGoTemplate(template, data, { missingKeyError: !allowMissingKeys });
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    const dump =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template.text}\n` +
      `\traw data was:\n\t\t${goJSON(doc)}\n` +
      `\tobject given to template engine was:\n\t\t${goSprint([data])}\n\n`;
    throw new PartialOutputError(`error executing template ${goQuote(template.text)}: ${e.message}`, e.output + dump);
  }
}

/** apimachinery's util/json.Unmarshal into map[string]interface{}: a number that is an int64 becomes one. */
function decode(v: Json): GoValue {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? new GoInt(BigInt(v), 'int64') : v;
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  return v;
}
