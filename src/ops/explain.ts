/**
 * `kctl explain TYPE[.FIELD...] [--recursive]`: the JSON Schemas' descriptions in the layout of kubectl explain
 * (kubectl's plaintext template: GROUP/KIND/VERSION, FIELD, DESCRIPTION, FIELDS with `<type>`).
 */
import type { Factory } from '../app/factory';
import { NotFoundError, UsageError } from '../errors';
import { bundledSchema, schemaKind, type JsonSchema } from './schema';

const WIDTH = 80;

export function runExplain(f: Factory, target: string | undefined, opts: { recursive?: boolean }): void {
  if (!target) throw new UsageError('You must specify the type of resource to explain.', 'run `kctl api-resources` for the list');
  const [type, ...fieldPath] = target.split('.');
  const kind = schemaKind(type);
  const doc = bundledSchema(kind);
  const [group, version] = kind.apiVersion.includes('/') ? kind.apiVersion.split('/') : [undefined, kind.apiVersion];
  let out = group ? `GROUP:      ${group}\n` : '';
  out += `KIND:       ${kind.kind}\nVERSION:    ${version}\n\n`;
  out += explainPath(doc, doc, fieldPath, Boolean(opts.recursive));
  f.stdout.write(out + '\n');
}

/** Follows the field path through properties, array items and map values; prints the schema it ends at. */
function explainPath(doc: JsonSchema, schema: JsonSchema, path: string[], recursive: boolean): string {
  const resolved = resolve(doc, schema);
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(wrap(description(doc, schema) || '<empty>', WIDTH - 4), 4)}\n`;
    const fields = fieldList(doc, schema, 1, recursive, new Set());
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  const [name, ...rest] = path;
  const field = resolved.properties?.[name];
  if (field) {
    let head = '';
    if (rest.length === 0) {
      const values = field.enum ?? resolve(doc, field).enum;
      head = `FIELD: ${name} <${typeOf(doc, field)}>\n${values ? `ENUM:${values.map((v) => `\n    ${enumValue(v)}`).join('')}` : ''}\n\n`;
    }
    return head + explainPath(doc, field, rest, recursive);
  }
  const inner = resolved.items ?? mapValues(resolved);
  if (inner) return explainPath(doc, inner, path, recursive);
  throw new NotFoundError(`field "${name}" does not exist`);
}

/** Each field as `name<TAB><type>`, with its description, or (recursive) with its own fields below it. */
function fieldList(doc: JsonSchema, schema: JsonSchema, level: number, recursive: boolean, seen: Set<string>): string {
  if (schema.$ref && seen.has(schema.$ref)) return ''; // a cycle (e.g. through JSON-schema-like types)
  const history = schema.$ref ? new Set(seen).add(schema.$ref) : seen;
  const resolved = resolve(doc, schema);
  const pad = ' '.repeat(level * 2);
  let out = '';
  for (const name of Object.keys(resolved.properties ?? {}).sort()) {
    const field = resolved.properties![name];
    const required = resolved.required?.includes(name) ? ' -required-' : '';
    const values = field.enum ?? resolve(doc, field).enum;
    const shown = values?.slice(0, 4).map(enumValue).join(', ');
    out += `${pad}${name}\t<${typeOf(doc, field)}>${required}${values ? `\n${pad}enum: ${shown}${values.length > 4 ? ', ....' : ''}` : ''}\n`;
    if (recursive) out += fieldList(doc, field, level + 1, recursive, history);
    else out += `${indent(wrap(field.description || '<no description>', WIDTH - 2 - level * 2), level * 2 + 2)}\n\n`;
  }
  const inner = resolved.items ?? mapValues(resolved);
  if (inner) out += fieldList(doc, inner, level, recursive, history);
  return out;
}

/** The field's own description, then its type's or its items' type's (kubectl shows both, one per line). */
function description(doc: JsonSchema, schema: JsonSchema): string {
  const texts = [schema.description];
  const target = resolve(doc, schema);
  if (target !== schema) texts.push(target.description);
  const inner = target.items ?? mapValues(target);
  if (inner) texts.push(resolve(doc, inner).description);
  return [...new Set(texts.filter(Boolean))].map((t) => `${t}\n`).join('');
}

/**
 * kubectl's type hints: `string`, `integer`, `[]Container`, `map[string]string`, `Object`, or the name of the
 * referenced type (`DeploymentStrategy`, `IntOrString`).
 */
function typeOf(doc: JsonSchema, schema: JsonSchema): string {
  if (schema.items) return `[]${typeOf(doc, schema.items)}`;
  const values = mapValues(schema);
  if (values) return `map[string]${typeOf(doc, values)}`;
  if (schema.$ref) {
    const target = resolve(doc, schema);
    if (target.items || mapValues(target)) return typeOf(doc, { ...target, $ref: undefined });
    const types = [target.type ?? 'object'].flat().filter((t) => t !== 'null');
    return types.length === 1 && types[0] !== 'object' ? types[0] : schema.$ref.split('/').pop()!;
  }
  const types = [schema.type ?? 'object'].flat().filter((t) => t !== 'null');
  return types.length === 1 && types[0] !== 'object' ? types[0] : 'Object';
}

function mapValues(schema: JsonSchema): JsonSchema | undefined {
  const values = schema.additionalProperties;
  return values && typeof values === 'object' ? values : undefined;
}

function resolve(doc: JsonSchema, schema: JsonSchema): JsonSchema {
  if (!schema.$ref?.startsWith('#/definitions/')) return schema;
  return doc.definitions?.[schema.$ref.slice('#/definitions/'.length)] ?? schema;
}

function enumValue(v: unknown): string {
  return v === '' ? '""' : String(v);
}

/** Word wrap at `width` columns, keeping the text's own line breaks (go-wordwrap, as kubectl uses). */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          lines.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}

/** Every line (also empty ones) indented, as the template's `indent` does. */
function indent(text: string, amount: number): string {
  const pad = ' '.repeat(amount);
  return pad + text.replace(/\n/g, `\n${pad}`);
}
