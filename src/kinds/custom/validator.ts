/**
 * Validators of custom objects: the openAPIV3Schema of the CRD version an object's apiVersion names, turned into
 * JSON Schema (openapi.ts) and compiled with ajv once per CRD revision and version. ajv is the validator kctl's
 * own schemas use, so the errors become the same line:col field problems (manifest/schema-problems.ts).
 */
import type Ajv from 'ajv';
import type { KObject } from '../../api/types';
import type { SchemaValidator } from '../../manifest/validators';
import { customKinds, versionOf } from './kinds';
import { toJsonSchema } from './openapi';

const compiled = new Map<string, SchemaValidator>();
let ajv: Ajv | undefined;

/** The validator of the objects of the CRD named `crdName`, whatever version they are written in. */
export function customValidator(crdName: string): SchemaValidator {
  const validate: SchemaValidator = (data: any) => {
    const crd = customKinds().find((k) => k.crd.metadata.name === crdName)?.crd;
    const version = crd && versionOf(crd, data?.apiVersion);
    if (!crd || !version) {
      validate.errors = [];
      return true;
    }
    const v = versionValidator(crd, version);
    const ok = v(data);
    validate.errors = v.errors;
    return ok;
  };
  return validate;
}

/** Compiles one version's schema; throws ajv's error for a schema it cannot compile. */
export function compileVersionSchema(openapi: unknown): SchemaValidator {
  const AjvClass = require('ajv').default as typeof Ajv;
  // Formats (int32, date-time, ...) are hints kctl does not check; strict mode would refuse OpenAPI's words.
  ajv ??= new AjvClass({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateFormats: false });
  return ajv.compile(toJsonSchema((openapi ?? {}) as Record<string, unknown>)) as SchemaValidator;
}

function versionValidator(crd: KObject, version: any): SchemaValidator {
  const key = `${crd.metadata.uid}/${crd.metadata.resourceVersion}/${version.name}`;
  let v = compiled.get(key);
  if (!v) {
    try {
      v = compileVersionSchema(version.schema?.openAPIV3Schema);
    } catch (e) {
      const message = `the schema of ${crd.metadata.name} ${version.name} cannot be used: ${(e as Error).message}`;
      v = Object.assign(() => false, { errors: [{ keyword: 'schema', instancePath: '', schemaPath: '', params: {}, message }] }) as SchemaValidator;
    }
    compiled.set(key, v);
  }
  return v;
}
