/**
 * `kctl diff -f FILE`: what `kctl apply -f FILE` would change, as kubectl shows it: `diff -u -N` of a LIVE
 * and a MERGED directory holding one YAML file per object (`apps.v1.Deployment.default.web`). MERGED is the
 * stored object after applyObject on a copy of the state (nothing is written), so the diff is exactly what
 * apply would do. Returns whether there were differences (the command exits 1 then).
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { findKind } from '../api/kinds';
import { applyObject, checkNamespace, ensureDefaultNamespace, LAST_APPLIED } from '../store/apply';
import { unifiedDiff } from '../util/unified-diff';
import { loadInputObjects } from './load';

export interface DiffOptions {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
}

/** GNU diff's time for a file that does not exist (-N). */
const NO_FILE_TIME = new Date(0);

export async function runDiff(f: Factory, opts: DiffOptions): Promise<boolean> {
  const objects = await loadInputObjects(f, opts);
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');
  const state = f.store().read(); // a snapshot: applied to, never written
  ensureDefaultNamespace(state);
  const namespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  for (const obj of objects) checkNamespace(state, obj, namespaces);

  const files = new Map<string, { live?: KObject; merged: KObject }>();
  for (const obj of objects) {
    const { kind, namespace, name } = { kind: obj.kind, ...obj.metadata };
    const file = fileName(obj);
    const before = state.get(kind, namespace, name);
    // The same object twice in the files: LIVE stays what is stored, MERGED is the last apply.
    const live = files.has(file) ? files.get(file)!.live : before && structuredClone(before);
    applyObject(state, obj, applyDefaults);
    files.set(file, { live, merged: structuredClone(state.get(kind, namespace, name)!) });
  }

  const tmp = (f.env.TMPDIR || '/tmp').replace(/\/$/, '');
  const liveDir = `${tmp}/LIVE-${process.pid}`;
  const mergedDir = `${tmp}/MERGED-${process.pid}`;
  let out = '';
  for (const [file, { live, merged }] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (merged.kind === 'Secret') maskSecretData(live, merged);
    const diff = unifiedDiff({
      oldText: live ? render(f, forDiff(live, false)) : '',
      newText: render(f, forDiff(merged, !live)),
      oldHeader: `${liveDir}/${file}\t${diffTime(live ? f.now() : NO_FILE_TIME)}`,
      newHeader: `${mergedDir}/${file}\t${diffTime(f.now())}`,
    });
    if (diff) out += `diff -u -N ${liveDir}/${file} ${mergedDir}/${file}\n${diff}`;
  }
  f.stdout.write(out);
  return out !== '';
}

/** kubectl's file name: [group.]version.Kind.namespace.name (namespace empty for cluster-wide kinds). */
function fileName(obj: KObject): string {
  const apiVersion = findKind(obj.kind)?.apiVersion ?? obj.apiVersion;
  return `${apiVersion.replace('/', '.')}.${obj.kind}.${obj.metadata.namespace ?? ''}.${obj.metadata.name}`;
}

/**
 * What the diff compares: status, managedFields, resourceVersion, generation and the last-applied annotation
 * are bookkeeping and left out, as kubectl leaves them out; an object apply would create has no uid or
 * creation time yet.
 */
function forDiff(obj: KObject, created: boolean): KObject {
  const copy = structuredClone(obj);
  delete copy.status;
  const meta = copy.metadata as Record<string, unknown> & KObject['metadata'];
  for (const key of ['managedFields', 'resourceVersion', 'generation', ...(created ? ['uid', 'creationTimestamp'] : [])]) delete meta[key];
  if (meta.annotations) {
    delete meta.annotations[LAST_APPLIED];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  return copy;
}

/**
 * Secret values never reach the terminal: `***`, or `*** (before)` / `*** (after)` where they differ (kubectl
 * masks data; kctl stores stringData as written, so it is masked too).
 */
function maskSecretData(live: KObject | undefined, merged: KObject): void {
  for (const field of ['data', 'stringData']) {
    const before = (live?.[field] ?? {}) as Record<string, string>;
    const after = (merged[field] ?? {}) as Record<string, string>;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const changed = key in before && key in after && before[key] !== after[key];
      if (key in before) before[key] = changed ? '*** (before)' : '***';
      if (key in after) after[key] = changed ? '*** (after)' : '***';
    }
  }
}

function render(f: Factory, obj: KObject): string {
  const { printObjects } = require('../printers') as typeof import('../printers');
  return printObjects([obj], { output: 'yaml', now: f.now(), colour: false });
}

/** `2024-05-01 12:00:00.000000000 +0000`, as diff -u prints a file's time. */
function diffTime(at: Date): string {
  const iso = at.toISOString(); // 2024-05-01T12:00:00.123Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000`;
}
