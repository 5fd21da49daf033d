/**
 * Everything kctl checks on one decoded object, independent of where it came from (a YAML document, a List
 * item, an edited object): its shape, keys that could reach object prototypes, apiVersion/kind, the kind's
 * JSON Schema, the semantic rules, and the ignored fields to warn about.
 */
import { findKind, KINDS } from '../api/kinds';
import type { FieldPath, FieldProblem } from '../api/problems';
import { semanticProblems } from '../api/semantic';
import type { KObject } from '../api/types';
import { ignoredFieldPaths } from './ignored-fields';
import { isIgnoredKind } from './ignored-kinds';
import { isKubernetesKind } from './kubernetes-kinds';
import { schemaProblems } from './schema-problems';

export interface CheckResult {
  /** Set when there are no problems. */
  object?: KObject;
  problems: FieldProblem[];
  /** Fields accepted but ignored by kctl. */
  ignored: FieldPath[];
  /** `ServiceAccount "web"`: the whole object is of a kind kctl skips (see ignored-kinds.ts). */
  ignoredObject?: string;
  /** The object is of a kind kctl does not serve: the caller says once which kinds it serves (servedKinds). */
  unservedKind?: boolean;
}

/** Keys that would reach Object.prototype if anything ever assigned them; refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Same limit as for YAML: objects deeper than this are not manifests, and recursive code must not see them. */
const MAX_DEPTH = 100;

export function checkObject(value: unknown): CheckResult {
  if (!isPlainObject(value)) {
    return { problems: [{ field: [], message: `expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found ${describe(value)}` }], ignored: [] };
  }
  const unsafe = unsafeKeyProblems(value);
  if (unsafe.length) return { problems: unsafe, ignored: [] };

  const envelope = envelopeProblems(value);
  if (envelope.ignoredObject) return { problems: [], ignored: [], ignoredObject: envelope.ignoredObject };
  if (envelope.problems.length || !envelope.schema) return { problems: envelope.problems, ignored: [], unservedKind: envelope.unservedKind };

  const obj = value as KObject;
  const problems = [...schemaProblems(envelope.schema, obj), ...semanticProblems(obj)];
  if (problems.length) return { problems, ignored: [] };
  return { object: obj, problems, ignored: ignoredFieldPaths(obj) };
}

function envelopeProblems(value: Record<string, unknown>): { problems: FieldProblem[]; schema?: string; ignoredObject?: string; unservedKind?: boolean } {
  const problems: FieldProblem[] = [];
  for (const field of ['apiVersion', 'kind']) {
    const v = value[field];
    if (v === undefined || v === null || v === '') problems.push({ field: [field], message: 'Required value' });
    else if (typeof v !== 'string') problems.push({ field: [field], message: 'must be a string' });
  }
  if (problems.length) return { problems };
  const { apiVersion, kind } = value as { apiVersion: string; kind: string };
  if (isIgnoredKind(apiVersion, kind)) {
    const name = (value.metadata as { name?: unknown } | undefined)?.name;
    return { problems, ignoredObject: typeof name === 'string' ? `${kind} ${JSON.stringify(name)}` : kind };
  }
  const info = findKind(kind);
  const at = { path: ['kind'], part: 'value' as const };
  if (!info && isKubernetesKind(apiVersion, kind)) {
    return { problems: [{ field: [], message: `kctl does not serve kind ${JSON.stringify(kind)} (${apiVersion}) yet`, at }], unservedKind: true };
  }
  if (!info) {
    return { problems: [{ field: [], message: `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)} (ensure CRDs are installed first)`, at }], unservedKind: true };
  }
  if (!info.acceptedApiVersions.includes(apiVersion)) {
    const versions = info.acceptedApiVersions.map((v) => JSON.stringify(v)).join(' or ');
    return { problems: [{ field: [], message: `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)} (kctl serves ${kind} in ${versions})`, at }] };
  }
  if (!info.applicable || !info.schema) {
    return { problems: [{ field: [], message: `kind ${kind} cannot be applied: kctl creates ${info.plural} itself`, at }] };
  }
  return { problems, schema: info.schema };
}

/** The kinds a manifest may hold, as the error for any other lists them. */
export function servedKinds(): string {
  return KINDS.filter((k) => k.applicable && k.schema).map((k) => k.kind).join(', ');
}

/** Walks without recursion, so that hostile depth cannot overflow the stack. */
function unsafeKeyProblems(root: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: FieldPath }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (path.length > MAX_DEPTH) return [{ field: [], message: `nesting is too deep (more than ${MAX_DEPTH} levels)` }];
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ field: path, message: `key ${JSON.stringify(key)} is not allowed`, at: { path: [...path, key], part: 'key' } });
        } else stack.push({ value: value[key], path: [...path, key] });
      }
    }
  }
  return problems;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return String(v);
}
