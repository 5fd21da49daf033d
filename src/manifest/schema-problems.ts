/** Validates an object against its kind's JSON Schema and turns ajv's errors into kubectl-style field problems. */
import type { ErrorObject } from 'ajv';
import type { FieldPath, FieldProblem } from '../api/problems';
import { formatValue } from '../api/names';
import { closestName } from './suggest';
import { schemaValidator } from './validators';

export function schemaProblems(schema: string, obj: unknown): FieldProblem[] {
  const validate = schemaValidator(schema);
  if (validate(obj)) return [];
  const errors = validate.errors ?? [];
  // A value of the wrong type would also fail its enum or range; the type error says it all.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath)).map((e) => toFieldProblem(obj, e));
}

function toFieldProblem(obj: unknown, e: ErrorObject): FieldProblem {
  const field = instancePath(obj, e.instancePath);
  const value: unknown = e.data;
  const params = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'required':
      return { field: [...field, params.missingProperty], message: 'Required value' };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys(e.parentSchema?.properties ?? {});
      const suggestion = closestName(name, allowed);
      const message = `unknown field ${JSON.stringify(name)}` + (suggestion ? `, did you mean ${JSON.stringify(suggestion)}?` : '');
      return { field: [...field, name], message, at: { path: [...field, name], part: 'key' } };
    }
    case 'type':
      return { field, message: `must be ${String(params.type).split(',').map(typeWord).join(' or ')}` };
    case 'enum':
      return { field, message: unsupported(value, params.allowedValues) };
    case 'const':
      return { field, message: unsupported(value, [params.allowedValue]) };
    case 'minimum':
    case 'maximum': {
      const node = e.parentSchema ?? {};
      const range =
        typeof node.minimum === 'number' && typeof node.maximum === 'number'
          ? `must be between ${node.minimum} and ${node.maximum}, inclusive`
          : `must be ${e.keyword === 'minimum' ? 'greater' : 'less'} than or equal to ${params.limit}`;
      return { field, message: `Invalid value: ${formatValue(value)}: ${range}` };
    }
    case 'pattern':
      return { field, message: `Invalid value: ${formatValue(value)}: should match '${params.pattern}'` };
    case 'minItems':
      return { field, message: params.limit === 1 ? 'Required value' : `must have at least ${params.limit} items` };
    default:
      return { field, message: e.message ?? e.keyword };
  }
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};
const typeWord = (t: string) => TYPE_WORDS[t] ?? t;

function unsupported(value: unknown, allowed: unknown[]): string {
  return `Unsupported value: ${formatValue(value)}: supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
}

/** ajv's instancePath is a JSON pointer; segments are numbers where the data is an array. */
function instancePath(obj: unknown, pointer: string): FieldPath {
  const path: FieldPath = [];
  let cur: any = obj;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(cur) ? Number(seg) : seg;
    path.push(key);
    cur = cur?.[key];
  }
  return path;
}
