/**
 * `kctl apply` against the state: created / configured / unchanged, as kubectl decides it.
 * Like kubectl's three-way merge on the fields that matter here: the manifest replaces what it sets, fields
 * other commands own and the manifest never set (replicas after `kctl scale`, annotations from `kctl annotate`)
 * are kept, and generation goes up only when the spec changes. What a kind adds to this (a Namespace's status,
 * a Service's allocated IP, a Secret's stringData) is in src/kinds/<kind>/apply.ts.
 */
import { bumpGeneration } from '../api/generation';
import type { KObject } from '../api/types';
import { NotFoundError } from '../errors';
import { kindParts } from '../kinds/catalog';
import type { State } from './state';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type ApplyResult = 'created' | 'configured' | 'unchanged';

/** The fields that are an object's desired state (everything but metadata and status). */
function desiredFields(obj: KObject): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

/** `record: false` (server-side apply): the merge alone, with no last-applied annotation written. */
export function applyObject(state: State, input: KObject, withDefaults: (o: KObject) => KObject, record = true): ApplyResult {
  const rules = kindParts(input.kind)?.apply?.() ?? {};
  const manifest = rules.normalize?.(input) ?? input;
  const lastApplied = JSON.stringify(stripForLastApplied(manifest));
  const live = state.get(manifest.kind, manifest.metadata.namespace, manifest.metadata.name);
  const desired = withDefaults(structuredClone(manifest));
  if (!live) {
    storeNew(state, desired, record ? lastApplied : undefined);
    return 'created';
  }
  const previous = parseLastApplied(live);
  const next: KObject = structuredClone(live);
  Object.assign(next, desiredFields(desired));
  for (const key of Object.keys(desiredFields(live))) if (!(key in desired)) delete (next as any)[key];
  next.apiVersion = desired.apiVersion;
  rules.keepLive?.(manifest, live, next);
  rules.keepAllocated?.(manifest, live, next);
  next.metadata.labels = mergeMap(live.metadata.labels, previous?.metadata?.labels, desired.metadata.labels);
  next.metadata.annotations = mergeMap(live.metadata.annotations, previous?.metadata?.annotations, desired.metadata.annotations);
  if (record) next.metadata.annotations = { ...next.metadata.annotations, [LAST_APPLIED]: lastApplied };
  else if (live.metadata.annotations?.[LAST_APPLIED] !== undefined) next.metadata.annotations = { ...next.metadata.annotations, [LAST_APPLIED]: live.metadata.annotations[LAST_APPLIED] };
  if (!next.metadata.annotations) delete next.metadata.annotations;
  if (!next.metadata.labels) delete next.metadata.labels;

  const specChanged = JSON.stringify(desiredFields(next)) !== JSON.stringify(desiredFields(live));
  const metaChanged = JSON.stringify(withoutLastApplied(next.metadata)) !== JSON.stringify(withoutLastApplied(live.metadata));
  if (!specChanged && !metaChanged) {
    if (record && live.metadata.annotations?.[LAST_APPLIED] !== lastApplied) {
      live.metadata.annotations = { ...(live.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied };
      state.put(live);
    }
    return 'unchanged';
  }
  if (specChanged) bumpGeneration(next, live);
  state.put(next);
  return 'configured';
}

/**
 * A new object as the API server stores it (`withDefaults` already applied): server-set metadata dropped,
 * generation 1, what the kind sets on create. Only apply records `lastApplied`; kubectl create and replace
 * --force record none, so a later prune leaves their objects alone.
 */
function storeNew(state: State, created: KObject, lastApplied?: string): void {
  const owners = liveOwners(state, created);
  created.metadata = cleanMetadata(created.metadata);
  if (owners.length) created.metadata.ownerReferences = owners;
  if (lastApplied !== undefined) created.metadata.annotations = { ...(created.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied };
  created.metadata.generation = 1;
  kindParts(created.kind)?.apply?.().prepareForCreate?.(created);
  state.put(created);
}

/** `kctl create` and `replace --force`: the manifest stored as a new object, with no last-applied record. */
export function createFromManifest(state: State, input: KObject, withDefaults: (o: KObject) => KObject): void {
  const manifest = kindParts(input.kind)?.apply?.().normalize?.(input) ?? input;
  storeNew(state, withDefaults(structuredClone(manifest)));
}

/** The namespace an object goes into must exist (kubectl: `namespaces "x" not found`), "default" always does. */
export function checkNamespace(state: State, obj: KObject, alsoApplied: Set<string>): void {
  const ns = obj.metadata.namespace;
  if (!ns || ns === 'default' || alsoApplied.has(ns)) return;
  const found = state.get('Namespace', undefined, ns);
  if (!found) throw new NotFoundError(`namespaces "${ns}" not found`, `create it first: kctl create namespace ${ns}`);
  if (found.metadata.deletionTimestamp) throw new NotFoundError(`unable to create new content in namespace ${ns} because it is being terminated`);
}

/** "default" exists from the start, as on a cluster. */
export function ensureDefaultNamespace(state: State): void {
  if (!state.get('Namespace', undefined, 'default')) {
    state.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, status: { phase: 'Active' } });
  }
}

function mergeMap(live: Record<string, string> | undefined, previous: Record<string, string> | undefined, desired: Record<string, string> | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = { ...(live ?? {}) };
  for (const key of Object.keys(previous ?? {})) if (!(desired && key in desired)) delete out[key];
  Object.assign(out, desired ?? {});
  return Object.keys(out).length ? out : undefined;
}

function parseLastApplied(obj: KObject): KObject | undefined {
  try {
    return JSON.parse(obj.metadata.annotations?.[LAST_APPLIED] ?? '');
  } catch {
    return undefined;
  }
}

/** What kubectl records: the manifest as given, without server-set fields. */
function stripForLastApplied(obj: KObject): KObject {
  const copy = structuredClone(obj);
  delete copy.status;
  copy.metadata = cleanMetadata(copy.metadata);
  if (copy.metadata.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (!Object.keys(copy.metadata.annotations).length) delete copy.metadata.annotations;
  }
  return copy;
}

/** Server-owned metadata in an exported manifest (`kubectl get -o yaml`) is not taken over. */
/**
 * The owner references the API server would keep: those to objects that exist. One to an object that does not
 * (an export from a cluster) is dropped, where Kubernetes' garbage collector would delete the new object at once.
 */
function liveOwners(state: State, obj: KObject): NonNullable<KObject['metadata']['ownerReferences']> {
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return [];
  const uids = new Set(state.all().map((o) => o.metadata.uid));
  return refs.filter((r) => uids.has(r.uid));
}

function cleanMetadata(meta: KObject['metadata']): KObject['metadata'] {
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, generation: _g, managedFields: _m, selfLink: _s, deletionTimestamp: _d, ownerReferences: _o, ...rest } = meta as any;
  return rest;
}

function withoutLastApplied(meta: KObject['metadata']): unknown {
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return { labels: meta.labels ?? {}, annotations };
}
