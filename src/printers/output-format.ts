/**
 * Parses -o the way kubectl's PrintFlags do: `wide`, `json`, `jsonpath=TEMPLATE`, `go-template=TEMPLATE`,
 * `custom-columns=SPEC`, ... A --template argument gives the template of a bare template format
 * (`-o go-template --template=...`), and alone means go-template.
 */
import { UsageError } from '../errors';

export type OutputFormat =
  | { type: 'table'; wide: boolean }
  | { type: 'json' | 'yaml' | 'name' }
  | { type: 'jsonpath'; template: string; asJson: boolean }
  | { type: 'go-template'; template: string }
  | { type: 'custom-columns'; spec: string }
  | { type: 'custom-columns-file'; path: string };

const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];
const TEMPLATE_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file', ...GO_TEMPLATE_FORMATS, 'custom-columns', 'custom-columns-file'];
const PLAIN_FORMATS = ['json', 'name', 'wide', 'yaml'];
export const ALLOWED_FORMATS = [...TEMPLATE_FORMATS, ...PLAIN_FORMATS].sort();
/** What the verbs that print the objects they change (create, run, expose, ...) allow: no tables. */
export const OBJECT_FORMATS = ALLOWED_FORMATS.filter((f) => f !== 'wide' && !f.startsWith('custom-columns'));

export function parseOutputFormat(output: string | undefined, templateArgument?: string, allowed: readonly string[] = ALLOWED_FORMATS): OutputFormat {
  if (!output && templateArgument) output = 'go-template';
  if (!output) return { type: 'table', wide: false };
  const eq = templateArgument || PLAIN_FORMATS.includes(output) ? -1 : output.indexOf('=');
  const name = eq === -1 ? output : output.slice(0, eq);
  const value = templateArgument || (eq === -1 ? '' : output.slice(eq + 1));
  if (!allowed.includes(name)) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowed.join(',')}`);
  }
  if (name === 'wide') return { type: 'table', wide: true };
  if (name === 'json' || name === 'yaml' || name === 'name') return { type: name };
  if (name.startsWith('custom-columns')) {
    if (!value) throw new UsageError('custom-columns format specified but no custom columns given');
    return name === 'custom-columns' ? { type: 'custom-columns', spec: value } : { type: 'custom-columns-file', path: value };
  }
  if (!value) throw new UsageError('template format specified but no template given');
  if (name === 'jsonpath-file') return { type: 'jsonpath', template: readTemplateFile(value, '--template'), asJson: false };
  if (name === 'go-template-file' || name === 'templatefile') return { type: 'go-template', template: readTemplateFile(value, '--template') };
  if (GO_TEMPLATE_FORMATS.includes(name)) return { type: 'go-template', template: value };
  return { type: 'jsonpath', template: value, asJson: name === 'jsonpath-as-json' };
}

export function readTemplateFile(path: string, what: string): string {
  const fs = require('fs') as typeof import('fs');
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`error reading ${what} ${path}, ${(e as Error).message}`);
  }
}
