/**
 * `kctl apply --server-side [--field-manager NAME] [--force-conflicts]`: apply under a field manager, as the
 * API server's server-side apply does. Each manager's applied fields are recorded in metadata.managedFields
 * (maps are followed down to their leaves; a list is owned as a whole); a manifest that would change a field
 * another manager applied is refused with the API server's conflict message unless --force-conflicts, which
 * takes the field over. What the object becomes is apply's merge; no last-applied annotation is written.
 * Ownership from imperative commands (scale, patch, edit, ...) is not tracked: they never conflict.
 */
import type { KObject } from '../api/types';
import { ConflictError } from '../errors';

/** kubectl's default --field-manager for apply. */
export const DEFAULT_FIELD_MANAGER = 'kubectl';

interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
}

/** The fields a manifest sets, as paths of map keys (`spec.replicas`, `metadata.labels.app`). */
export function appliedPaths(manifest: KObject): string[][] {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    } else paths.push(path);
  };
  const { apiVersion: _a, kind: _k, status: _s, metadata, ...rest } = manifest;
  walk({ ...rest, metadata: { labels: metadata.labels, annotations: metadata.annotations } }, []);
  return paths.filter((p) => !(p[0] === 'metadata' && p.length === 2)); // metadata.labels itself when it has none
}

/**
 * The conflicts a server-side apply of `manifest` by `manager` has with what other managers applied to `live`:
 * the fields it sets whose value (`defaulted`, the manifest with the server's defaults) is not the live one.
 */
export function conflictsWith(live: KObject, manifest: KObject, defaulted: KObject, manager: string): { manager: string; path: string[] }[] {
  const conflicts: { manager: string; path: string[] }[] = [];
  const paths = appliedPaths(manifest);
  for (const entry of entries(live)) {
    if (entry.manager === manager) continue;
    for (const path of paths) {
      if (owns(entry.fieldsV1, path) && JSON.stringify(valueAt(live, path)) !== JSON.stringify(valueAt(defaulted, path))) conflicts.push({ manager: entry.manager, path });
    }
  }
  return conflicts;
}

/** The API server's refusal, as kubectl shows it: one line for one conflict, a list per manager for more. */
export function conflictError(conflicts: { manager: string; path: string[] }[], apiVersion: string): ConflictError {
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), `.${c.path.join('.')}`]);
  const groups = [...byManager].map(([manager, paths]) => (paths.length === 1 ? `conflict with "${manager}" using ${apiVersion}: ${paths[0]}` : `conflicts with "${manager}" using ${apiVersion}:\n${paths.map((p) => `- ${p}`).join('\n')}`));
  const n = conflicts.length;
  const error = new ConflictError(
    `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${groups.join('\n')}
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`,
  );
  error.oneMessage = true;
  return error;
}

/** Records `manager` as the owner of what `manifest` sets; forced conflicts leave their former managers. */
export function recordManager(obj: KObject, manifest: KObject, manager: string, now: string, forced: { manager: string; path: string[] }[]): void {
  const others = entries(obj)
    .filter((e) => e.manager !== manager)
    .map((e) => ({ ...e, fieldsV1: forced.filter((c) => c.manager === e.manager).reduce((set, c) => without(set, c.path), e.fieldsV1) }))
    .filter((e) => Object.keys(e.fieldsV1).length);
  const mine: ManagedFieldsEntry = { manager, operation: 'Apply', apiVersion: manifest.apiVersion, time: now, fieldsType: 'FieldsV1', fieldsV1: fieldSet(appliedPaths(manifest)) };
  (obj.metadata as any).managedFields = [...others, mine];
}

function entries(obj: KObject): ManagedFieldsEntry[] {
  return ((obj.metadata as any).managedFields ?? []).filter((e: ManagedFieldsEntry) => e.operation === 'Apply');
}

/** Paths as the API server's FieldsV1 set: `{"f:spec": {"f:replicas": {}}}`. */
function fieldSet(paths: string[][]): Record<string, unknown> {
  const set: Record<string, any> = {};
  for (const path of paths) {
    let node = set;
    for (const key of path) node = node[`f:${key}`] ??= {};
  }
  return set;
}

/** Whether the set holds `path`, a field under it, or a field it lies under. */
function owns(set: Record<string, any>, path: string[]): boolean {
  let node: Record<string, any> | undefined = set;
  for (const key of path) {
    node = node[`f:${key}`];
    if (node === undefined) return false;
    if (Object.keys(node).length === 0) return true; // a leaf (or a list) the manager owns as a whole
  }
  return true;
}

function without(set: Record<string, any>, path: string[]): Record<string, any> {
  const copy = structuredClone(set);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[`f:${key}`];
    if (!node) return copy;
  }
  delete node[`f:${path[path.length - 1]}`];
  return copy;
}

function valueAt(obj: unknown, path: string[]): unknown {
  return path.reduce<any>((v, k) => (v && typeof v === 'object' ? v[k] : undefined), obj);
}
