/**
 * Writing a changed copy of a stored object (`kctl edit`, `kctl patch`, `kctl replace`): the desired fields (spec, data, ...),
 * labels and annotations come from the copy, with defaults; status and server-set metadata stay as stored.
 */
import type { KObject } from '../api/types';
import { bumpGeneration } from '../api/generation';
import type { FieldPath } from '../api/problems';
import { ConflictError, ValidationError } from '../errors';
import { pluralName } from '../api/kinds';
import { kindParts } from '../kinds/catalog';

/**
 * The changed copy, valid as a manifest must be, or a ValidationError: each problem prefixed by `where` (a
 * patch file's line:col) or, as the API server words it, `The Deployment "web" is invalid: `.
 */
export function checkedChange(value: KObject, where?: (field: FieldPath) => string): KObject {
  const { checkObject } = require('../manifest/check-object') as typeof import('../manifest/check-object');
  const { problemText } = require('../manifest/load') as typeof import('../manifest/load');
  const result = checkObject(value);
  if (result.object) return result.object;
  const prefix = `The ${value.kind} "${value.metadata?.name}" is invalid: `;
  throw new ValidationError(result.problems.map((p) => (where ? where(p.at?.path ?? p.field) : prefix) + problemText(p)));
}

/** The object to store in place of `live`, or undefined when `wanted` changes nothing once defaults apply. */
export function desiredUpdate(live: KObject, wanted: KObject): KObject | undefined {
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');
  const { apiVersion: _a, kind: _k, metadata, status: _s, ...desired } = applyDefaults(wanted);
  const next: KObject = { apiVersion: live.apiVersion, kind: live.kind, metadata: { ...live.metadata, labels: metadata.labels, annotations: metadata.annotations }, ...desired, ...(live.status ? { status: live.status } : {}) };
  if (!next.metadata.labels) delete next.metadata.labels;
  if (!next.metadata.annotations) delete next.metadata.annotations;
  kindParts(live.kind)?.apply?.().keepAllocated?.(wanted, live, next);
  if (userFields(next) === userFields(live)) return undefined;
  if (JSON.stringify(specOf(next)) !== JSON.stringify(specOf(live))) bumpGeneration(next, live);
  return next;
}

/** What a user owns in an object: everything but status and server-set metadata, with keys in a fixed order. */
export function userFields(obj: KObject): string {
  return stableJson({ ...specOf(obj), labels: obj.metadata.labels ?? {}, annotations: obj.metadata.annotations ?? {} });
}

function specOf(obj: KObject): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, metadata: _m, status: _s, ...desired } = obj;
  return desired;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** The API server's answer to a write based on an out-of-date copy of the object. */
export function modifiedConflict(kind: string, name: string): ConflictError {
  return new ConflictError(`Operation cannot be fulfilled on ${pluralName(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`);
}
