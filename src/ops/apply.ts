/** `kctl apply`: load and validate everything first, write it (and --prune's deletions) in one transaction, then converge. */
import type { Factory } from '../app/factory';
import { kindInfo } from '../api/kinds';
import { KctlError, UsageError } from '../errors';
import { LAST_APPLIED, applyObject, checkNamespace, ensureDefaultNamespace } from '../store/apply';
import type { Target } from '../kinds/converged';
import type { KObject } from '../api/types';
import type { State } from '../store/state';
import { rfc3339 } from '../api/time';
import { markDeleted } from './delete';
import { checkNameOutput, writeResult } from './result-lines';
import { prunePlan, pruneVictims, type PruneOptions } from './prune';
import { loadInputObjects } from './load';
import { admitPodSecurity, templateOf } from './admission';
import { convergeTargets } from './converge';
import { dryRunMode } from './dry-run';

export interface ApplyOptions extends PruneOptions {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  dryRun?: string | boolean;
  output?: string;
  allowPrivileged?: boolean;
  serverSide?: boolean;
  fieldManager?: string;
  forceConflicts?: boolean;
  wait: boolean;
  timeout: string;
}

export async function runApply(f: Factory, opts: ApplyOptions): Promise<void> {
  const dryRun = dryRunMode(opts.dryRun);
  if (opts.serverSide && dryRun && opts.dryRun !== 'server') throw new UsageError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (!opts.serverSide && opts.forceConflicts) throw new UsageError('--force-conflicts only works with --server-side');
  // kubectl's words for each dry run: what the server would do, or what kubectl would send.
  const suffix = opts.dryRun === 'server' ? ' (server dry run)' : ' (dry run)';
  checkNameOutput(opts.output);
  const plan = prunePlan(opts);
  const objects = await loadInputObjects(f, opts);
  // kubectl's words; without this an empty file went on to reconcile everything.
  if (objects.length === 0) throw new KctlError('no objects passed to apply');
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');

  const { settleOptIn } = require('../kinds/pod/security/admission') as typeof import('../kinds/pod/security/admission');
  const apply = (state: import('../store/state').State) => {
    ensureDefaultNamespace(state);
    const namespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
    for (const obj of objects) checkNamespace(state, obj, namespaces);
    settleOptIn(state, objects, Boolean(opts.allowPrivileged), templateOf);
    const unrecorded = objects.filter((obj) => {
      const live = state.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
      return live && !live.metadata.annotations?.[LAST_APPLIED];
    });
    // kubectl warns before it writes, so before the server's admission warnings; server-side apply needs no record.
    if (!opts.serverSide) for (const obj of unrecorded) f.stderr.write(missingLastApplied(obj));
    const results = objects.map((obj) => (opts.serverSide ? serverSideApply(f, state, obj, opts) : applyObject(state, obj, applyDefaults)));
    admitPodSecurity(f, state, objects);
    const pruned = plan ? pruneVictims(state, plan, objects) : [];
    for (const obj of pruned) markDeleted(state, obj, f.now());
    if (pruned.length) (require('../controllers/gc') as typeof import('../controllers/gc')).collectGarbage(state, f.now());
    return { results, pruned };
  };
  const store = f.store();
  // A dry run works on a copy, never written.
  const { results, pruned } = dryRun ? apply(store.read()) : await store.update(apply);

  objects.forEach((obj, i) => writeResult(f, obj, results[i], { output: opts.output, suffix: dryRun ? suffix : '' }));
  for (const obj of pruned) writeResult(f, obj, 'pruned', { output: opts.output, suffix: dryRun ? ' (dry run)' : '' });
  if (dryRun) return;
  const targets: Target[] = [
    ...objects.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name })),
    ...pruned.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, deleted: true })),
  ];
  await convergeTargets(f, targets, opts);
}

function missingLastApplied(obj: KObject): string {
  return `Warning: resource ${kindInfo(obj.kind).plural}/${obj.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kctl apply. kctl apply should only be used on resources created declaratively by either kctl create --save-config or kctl apply. The missing annotation will be patched automatically.\n`;
}

/** One object by server-side apply: conflicts with other managers first (refused unless forced), then apply's merge under the manager. */
function serverSideApply(f: Factory, state: State, obj: KObject, opts: ApplyOptions): 'serverside-applied' {
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');
  const ssa = require('./server-side-apply') as typeof import('./server-side-apply');
  const manager = opts.fieldManager ?? ssa.DEFAULT_FIELD_MANAGER;
  const live = state.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
  const conflicts = live ? ssa.conflictsWith(live, obj, applyDefaults(structuredClone(obj)), manager) : [];
  if (conflicts.length && !opts.forceConflicts) throw ssa.conflictError(conflicts, obj.apiVersion);
  applyObject(state, obj, applyDefaults, false);
  const stored = state.get(obj.kind, obj.metadata.namespace, obj.metadata.name)!;
  ssa.recordManager(stored, obj, manager, rfc3339(f.now()), conflicts);
  state.put(stored);
  return 'serverside-applied';
}
