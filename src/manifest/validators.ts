/**
 * The ajv validators of schemas/*.json. `npm run build` precompiles them with ajv's standalone code
 * (scripts/build-validators.js -> dist/manifest/precompiled-validators.js): loading that takes ~6 ms, while
 * compiling the schemas takes ~200 ms per process. Without the precompiled module (tests run from src/),
 * the same ajv setup compiles them once per process, the first time a manifest is validated.
 */
import * as path from 'path';
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { KINDS } from '../api/kinds';
import { CUSTOM_SCHEMA_PREFIX } from '../kinds/custom/kinds';

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** schemas/ ships next to dist/ (and src/ in a checkout): two levels above this file either way. */
export const SCHEMAS_DIR = path.join(__dirname, '..', '..', 'schemas');
/** Shared definitions, referenced by the kind schemas as definitions.json#/definitions/... */
const DEFINITIONS_SCHEMA = 'definitions';
const KIND_SCHEMAS = KINDS.flatMap((k) => (k.schema ? [k.schema] : []));
const PRECOMPILED_MODULE = './precompiled-validators.js';

let validators: Record<string, SchemaValidator> | undefined;

export function schemaValidator(schema: string): SchemaValidator {
  // A custom kind's schema is its CustomResourceDefinition's, compiled when first used.
  if (schema.startsWith(CUSTOM_SCHEMA_PREFIX)) return (require('../kinds/custom/validator') as typeof import('../kinds/custom/validator')).customValidator(schema.slice(CUSTOM_SCHEMA_PREFIX.length));
  validators ??= loadPrecompiled() ?? compileValidators();
  const v = validators[schema];
  if (!v) throw new Error(`no validator for schema "${schema}"`);
  return v;
}

function schemaDocument(schema: string): Record<string, unknown> {
  return require(path.join(SCHEMAS_DIR, `${schema}.json`));
}

/** Source of a CommonJS module exporting one validator per kind schema; written by the build. */
export function generateValidatorsModule(): string {
  const standaloneCode = require('ajv/dist/standalone').default as typeof import('ajv/dist/standalone').default;
  return standaloneCode(createAjv(), Object.fromEntries(KIND_SCHEMAS.map((s) => [s, `${s}.json`])));
}

function createAjv(): Ajv {
  const AjvClass = require('ajv').default as typeof Ajv;
  // verbose: errors carry their parentSchema, which lists the properties allowed where an unknown field was found.
  const ajv = new AjvClass({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true } });
  for (const s of [DEFINITIONS_SCHEMA, ...KIND_SCHEMAS]) ajv.addSchema(schemaDocument(s), `${s}.json`);
  return ajv;
}

function compileValidators(): Record<string, SchemaValidator> {
  const ajv = createAjv();
  return Object.fromEntries(KIND_SCHEMAS.map((s) => [s, ajv.getSchema(`${s}.json`) as SchemaValidator]));
}

function loadPrecompiled(): Record<string, SchemaValidator> | undefined {
  try {
    return require(PRECOMPILED_MODULE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes('precompiled-validators')) return undefined;
    throw e;
  }
}
