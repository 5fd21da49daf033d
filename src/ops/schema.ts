/**
 * `kctl schema TYPE`: a kind's JSON Schema, self-contained (the shared definitions it uses are inlined), so an
 * editor can use the printed file on its own: `# yaml-language-server: $schema=./deployment.schema.json`.
 * Also the source `kctl explain` reads.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Factory } from '../app/factory';
import { resolveResource } from '../api/kinds';
import type { KindInfo } from '../api/kind-parts';
import { NotFoundError, UsageError } from '../errors';
import { SCHEMAS_DIR } from '../manifest/validators';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  definitions?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
}

const SHARED = 'definitions.json';
const LOCAL_REF = '#/definitions/';

function readJson(file: string): JsonSchema {
  return JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8'));
}

export function schemaKind(typed: string): KindInfo & { schema: string } {
  const kind = resolveResource(typed);
  if (!kind.schema) throw new NotFoundError(`kctl has no schema for ${kind.plural}: kctl creates them itself, they are not written in manifests`);
  return kind as KindInfo & { schema: string };
}

/**
 * The kind's schema with the shared definitions it reaches copied in: `definitions.json#/definitions/X` becomes
 * `#/definitions/X` (the kind files' own definitions and the shared ones have distinct names).
 */
export function bundledSchema(kind: KindInfo & { schema: string }): JsonSchema {
  const root = readJson(`${kind.schema}.json`);
  const shared = readJson(SHARED).definitions ?? {};
  const definitions: Record<string, JsonSchema> = { ...(root.definitions ?? {}) };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonSchema;
    if (typeof obj.$ref === 'string') {
      obj.$ref = obj.$ref.replace(`${SHARED}#`, '#');
      const name = obj.$ref.startsWith(LOCAL_REF) ? obj.$ref.slice(LOCAL_REF.length) : undefined;
      if (name && !(name in definitions)) {
        if (!shared[name]) throw new Error(`schema ${kind.schema}: unresolved $ref ${obj.$ref}`);
        definitions[name] = structuredClone(shared[name]);
        visit(definitions[name]);
      }
    }
    for (const [key, value] of Object.entries(obj)) if (key !== 'definitions') visit(value);
  };
  visit(root);
  Object.values(root.definitions ?? {}).forEach(visit);
  return { ...root, definitions };
}

export function runSchema(f: Factory, type: string | undefined): void {
  if (!type) {
    const { KINDS } = require('../api/kinds') as typeof import('../api/kinds');
    const names = KINDS.filter((k) => k.schema).map((k) => k.singular);
    throw new UsageError('You must specify the type of resource to print the schema of.', `one of: ${names.join(', ')}`);
  }
  f.stdout.write(JSON.stringify(bundledSchema(schemaKind(type)), null, 2) + '\n');
}
