/**
 * A CRD version's structural OpenAPI v3 schema as the JSON Schema ajv validates with: unknown fields are refused
 * (as `kubectl apply`'s strict field validation refuses them) unless x-kubernetes-preserve-unknown-fields,
 * `nullable` admits null, x-kubernetes-int-or-string an integer or a string, and OpenAPI 3.0's boolean
 * exclusiveMinimum/Maximum become draft-07 numbers. Kubernetes' own extensions that validate nothing here
 * (list types, embedded resources, CEL rules) are dropped. The root also admits apiVersion, kind and metadata.
 */
type Schema = Record<string, any>;

const COPIED = ['type', 'format', 'enum', 'required', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf', 'description'];

export function toJsonSchema(openapi: Schema): Schema {
  const root = convert(openapi);
  root.type ??= 'object';
  root.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...(root.properties ?? {}) };
  if (!openapi['x-kubernetes-preserve-unknown-fields']) root.additionalProperties = false;
  return root;
}

function convert(s: unknown): Schema {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return {};
  const src = s as Schema;
  const out: Schema = {};
  for (const key of COPIED) if (src[key] !== undefined) out[key] = src[key];
  if (src.properties && typeof src.properties === 'object') out.properties = Object.fromEntries(Object.entries(src.properties).map(([k, v]) => [k, convert(v)]));
  if (src.items !== undefined) out.items = convert(src.items);
  if (src.additionalProperties !== undefined) out.additionalProperties = typeof src.additionalProperties === 'boolean' ? src.additionalProperties : convert(src.additionalProperties);
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(src[key])) out[key] = src[key].map(convert);
  if (src.not !== undefined) out.not = convert(src.not);
  if (src.exclusiveMinimum === true && typeof src.minimum === 'number') (out.exclusiveMinimum = src.minimum), delete out.minimum;
  if (src.exclusiveMaximum === true && typeof src.maximum === 'number') (out.exclusiveMaximum = src.maximum), delete out.maximum;
  if (src['x-kubernetes-int-or-string']) {
    delete out.type;
    const either = { anyOf: [{ type: 'integer' }, { type: 'string' }] };
    if (out.anyOf) out.allOf = [...(out.allOf ?? []), either];
    else Object.assign(out, either);
  }
  if (src.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  const isObject = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'));
  if (isObject && out.additionalProperties === undefined && !src['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}

/** Fills in the schema's `default`s where a field is missing, as the API server's structural defaulting does. */
export function applySchemaDefaults(openapi: unknown, value: unknown): void {
  if (!openapi || typeof openapi !== 'object' || !value || typeof value !== 'object') return;
  const s = openapi as Schema;
  if (Array.isArray(value)) {
    for (const item of value) applySchemaDefaults(s.items, item);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    if (obj[name] === undefined && sub?.default !== undefined) obj[name] = structuredClone(sub.default);
    applySchemaDefaults(sub, obj[name]);
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    for (const [name, v] of Object.entries(obj)) if (!(s.properties ?? {})[name]) applySchemaDefaults(s.additionalProperties, v);
  }
}
