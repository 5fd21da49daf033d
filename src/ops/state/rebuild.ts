/**
 * `kctl state rebuild`: the way back from a lost, truncated, corrupt or too-new state file. The desired state is
 * recovered from the labels of the containers (and claim volumes) kctl made for this state file; the old file
 * is kept as a copy beside it, never deleted. A readable state is only replaced with --force.
 */
import * as fs from 'fs';
import type { Factory } from '../../app/factory';
import { refName } from '../../api/kinds';
import { ConflictError, ExitCode, KctlError, StateFileError } from '../../errors';
import type { Store } from '../../store/store';
import { emptyState, State } from '../../store/state';
import type { Recovery } from '../../backends/backend';

export interface RebuildOptions {
  force?: boolean;
  dryRun?: boolean;
}

/** What the state file is before the rebuild. */
type Previous = { kind: 'missing' } | { kind: 'readable'; objects: number } | { kind: 'broken'; error: StateFileError };

const NOT_RECOVERABLE =
  'not recoverable from containers: ConfigMaps, Secrets, Services, Ingresses, HorizontalPodAutoscalers, CronJobs, DaemonSets, StatefulSets, ReplicationControllers, PersistentVolumes, StorageClasses, claims bound to PersistentVolumes, CustomResourceDefinitions and their objects, events, revisions without pods and Deployments scaled to 0; apply their manifests again';

export async function runStateRebuild(f: Factory, opts: RebuildOptions): Promise<void> {
  const store = f.store();
  refuseReadable(store, examine(store), opts);
  const { reconcilerLease } = require('../../controllers/drive') as typeof import('../../controllers/drive');
  const lease = reconcilerLease(store.path);
  if (!lease.tryAcquire()) {
    const owner = lease.owner();
    throw new ConflictError(`a reconciler is running${owner ? ` (process ${owner.pid})` : ''} on ${store.path}`, 'stop it first (`kctl controller stop`, or wait for the command that runs it), then rebuild');
  }
  try {
    const { podBackend } = require('../../app/controller-context') as typeof import('../../app/controller-context');
    const recovery = await (await podBackend(f)).recover();
    for (const line of recovery.lost) f.stderr.write(`Warning: could not recover ${line}\n`);
    f.stdout.write(`${opts.dryRun ? 'would recover' : 'recovered'} from ${recovery.source}:\n`);
    for (const line of recoveredLines(recovery)) f.stdout.write(`  ${line}\n`);
    f.stdout.write(`${NOT_RECOVERABLE}\n`);
    if (opts.dryRun) {
      f.stdout.write('dry run: nothing written\n');
      return;
    }
    let keptAs: string | undefined;
    await store.replace(() => {
      const previous = examine(store); // again under the lock: another kctl may have written meanwhile
      refuseReadable(store, previous, opts);
      if (previous.kind !== 'missing') keptAs = keepCopy(store.path, previous.kind === 'broken' ? 'broken' : 'replaced', f.now());
      return rebuiltState(recovery, f.now).data;
    });
    if (keptAs) f.stdout.write(`kept the previous state file as ${keptAs}\n`);
    f.stdout.write(`wrote ${store.path}; the next reconcile (any kctl command that waits, or \`kctl reconcile\`) adopts the running containers\n`);
  } finally {
    lease.release();
  }
}

function examine(store: Store): Previous {
  if (!fs.existsSync(store.path)) return { kind: 'missing' };
  try {
    return { kind: 'readable', objects: store.read().all().length };
  } catch (e) {
    if (e instanceof StateFileError) return { kind: 'broken', error: e };
    throw e;
  }
}

function refuseReadable(store: Store, previous: Previous, opts: RebuildOptions): void {
  if (previous.kind !== 'readable' || opts.force || opts.dryRun) return;
  throw new KctlError(
    `the state file ${store.path} is readable (${previous.objects} objects): refusing to replace it`,
    ExitCode.General,
    '`kctl state check` compares it with Docker; --force rebuilds it anyway (a copy is kept), --dry-run shows what would be recovered',
  );
}

function rebuiltState(recovery: Recovery, now: () => Date): State {
  const { ensureDefaultNamespace } = require('../../store/apply') as typeof import('../../store/apply');
  const state = new State(emptyState(), now);
  ensureDefaultNamespace(state);
  for (const { obj } of recovery.recovered) {
    const stored = state.put(obj);
    if (!stored.metadata.ownerReferences?.length && stored.kind !== 'Namespace') state.event(stored, 'Normal', 'Recovered', 'Recovered from Docker by kctl state rebuild');
  }
  return state;
}

function recoveredLines(recovery: Recovery): string[] {
  if (recovery.recovered.length === 0) return ['nothing: Docker has no containers or claim volumes of this state file'];
  return recovery.recovered.map(({ obj, detail }) => {
    const ref = refName(obj.kind, obj.metadata.name) + (obj.metadata.namespace ? ` -n ${obj.metadata.namespace}` : '');
    return detail ? `${ref}: ${detail}` : ref;
  });
}

/** `<state>.broken-20260101T120000Z`, beside the state file, with its mode (it may hold Secrets). */
function keepCopy(statePath: string, why: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let n = 1; ; n++) {
    const copy = `${statePath}.${why}-${stamp}${n > 1 ? `-${n}` : ''}`;
    try {
      fs.copyFileSync(statePath, copy, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(copy, 0o600);
      return copy;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw e;
    }
  }
}
