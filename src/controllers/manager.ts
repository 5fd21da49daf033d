/**
 * The reconcile loop shared by one-shot commands and the controller process. One pass:
 *   1. object controllers on the state (HPAs -> Deployments -> ReplicaSets -> Pods -> Services, garbage collection);
 *   2. the pod controller against Docker (list by label, one step per Pod, bounded parallelism);
 *   3. the pods' new status written back, and the object controllers again so status is current.
 * Every step is persisted; a process killed anywhere leaves work the next pass finishes.
 */
import type { KObject } from '../api/types';
import { LABEL, type ContainerInfo } from '../runtime/runtime';
import type { State } from '../store/state';
import { kindDefinition, kindDefinitions } from '../kinds/registry';
import type { ObjectSync, SyncContext } from '../kinds/types';
import { mapLimit } from '../util/map-limit';
import type { ControllerContext } from './context';
import { collectGarbage } from './gc';
import { ImageCache } from '../backends/local/pod/images';
import { syncPod, type PodOutcome } from '../backends/local/pod/sync';
import { isPodReady } from '../api/pod-status';
import { networkName } from '../backends/local/scope';
import { SERVICE_PROXY_ROLE, ServiceProxies } from '../backends/local/service/in-network';
import { sweepClaimVolumes, syncClaims } from '../backends/local/volumes/claims';
import { sweepPodStorage } from '../backends/local/volumes/cleanup';

export const DOCKER_PARALLELISM = 8;

export interface PassResult {
  /** When the next pass is due at the latest (undefined: only when something changes). */
  requeueAfterMs?: number;
  /** The containers Docker listed during this pass. */
  containers: ContainerInfo[];
}

export class Reconciler {
  private readonly serviceProxies: ServiceProxies;

  constructor(readonly ctx: ControllerContext) {
    this.serviceProxies = new ServiceProxies(ctx);
  }

  async pass(): Promise<PassResult> {
    const { ctx } = this;
    let requeue = await ctx.store.update((state) => syncObjects(state, ctx.now()));
    await syncClaims(ctx);

    const containers = await ctx.runtime.listContainers(ctx.scope.labels);
    const state = ctx.store.read(); // read after listing: every listed container's Pod is in this snapshot
    const pods = state.list('Pod');
    const byPod = groupBy(containers, (c) => c.labels[LABEL.podUid]);
    const caches = { images: new ImageCache(ctx.runtime), networks: new Map<string, Promise<void>>(), state };

    const outcomes = await mapLimit(pods, DOCKER_PARALLELISM, (pod) => syncPod(ctx, pod, byPod.get(pod.metadata.uid ?? '') ?? [], caches));
    const known = new Set(pods.map((p) => p.metadata.uid));
    const orphans = containers.filter((c) => c.labels[LABEL.role] !== SERVICE_PROXY_ROLE && !known.has(c.labels[LABEL.podUid]));
    await mapLimit(orphans, DOCKER_PARALLELISM, (c) => this.removeOrphan(c));
    await sweepPodStorage(ctx, new Set(pods.filter((p, i) => !outcomes[i].remove).map((p) => p.metadata.uid ?? '')));
    await sweepClaimVolumes(ctx);

    const after = await ctx.store.update((s) => {
      const readinessChanged = writePodOutcomes(s, pods, outcomes);
      const objects = syncObjects(s, ctx.now());
      if (!readinessChanged) return objects;
      // Deployments are synced before their ReplicaSets, so they see what a pod becoming ready (or going) means
      // for them only in the next syncObjects: run it now, so no waiting command reads a Deployment status
      // that is a step behind its pods, and come back at once for the pods that step may have made.
      syncObjects(s, ctx.now());
      return 0;
    });
    for (const o of outcomes) requeue = minDefined(requeue, o.requeueAfterMs);
    requeue = minDefined(requeue, after);
    await this.serviceProxies.sync(ctx.store.read(), containers);
    await this.removeUnusedNetworks();
    return { requeueAfterMs: requeue, containers };
  }

  /** A container whose Pod is not in the state (the state was reset, or a crash lost it): nothing owns it. */
  private async removeOrphan(c: ContainerInfo): Promise<void> {
    this.ctx.log(2, `removing orphan container ${c.name}`);
    if (c.status === 'running') await this.ctx.runtime.stopContainer(c.id, 2);
    await this.ctx.runtime.removeContainer(c.id);
  }

  /** A namespace network goes when no Pod of that namespace is left; the next Pod there makes it again. */
  private async removeUnusedNetworks(): Promise<void> {
    const pods = this.ctx.store.read().list('Pod');
    const wanted = new Set(pods.map((p) => networkName(this.ctx.scope, p.metadata.namespace ?? 'default')));
    for (const name of await this.ctx.runtime.listNetworks(this.ctx.scope.labels)) {
      if (!wanted.has(name)) await this.ctx.runtime.removeNetwork(name);
    }
  }
}

/**
 * The object controllers, pure over the state: the garbage collector, then each kind's controllers in registry
 * order (src/kinds/registry.ts). Returns the earliest requeue they ask for.
 */
export function syncObjects(state: State, now: Date): number | undefined {
  const ctx: SyncContext = { state, now, kinds: kindDefinition };
  collectGarbage(state, now);
  let requeue: number | undefined;
  for (const kind of kindDefinitions()) {
    if (kind.collectGarbageFirst) collectGarbage(state, now);
    for (const sync of kind.sync ?? []) requeue = minDefined(requeue, syncEach(ctx, kind.kind, sync));
  }
  return requeue;
}

/** One controller over every object of `kind` not being deleted; the earliest requeue asked for. */
export function syncEach(ctx: SyncContext, kind: string, sync: ObjectSync): number | undefined {
  let requeue: number | undefined;
  for (const obj of ctx.state.list(kind)) {
    if (!obj.metadata.deletionTimestamp) requeue = minDefined(requeue, sync(ctx, obj).requeueAfterMs);
  }
  return requeue;
}

/** Writes each pod's outcome; true when a pod went or changed its phase or readiness. */
function writePodOutcomes(state: State, pods: KObject[], outcomes: PodOutcome[]): boolean {
  let changed = false;
  pods.forEach((pod, i) => {
    const outcome = outcomes[i];
    const current = state.get('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!current || current.metadata.uid !== pod.metadata.uid) return; // replaced meanwhile
    for (const e of outcome.events) state.event(current, e.type, e.reason, e.message);
    if (outcome.remove) {
      state.remove('Pod', current.metadata.namespace, current.metadata.name);
      changed = true;
      return;
    }
    if (outcome.status && JSON.stringify(outcome.status) !== JSON.stringify(current.status)) {
      const before = { phase: current.status?.phase, ready: isPodReady(current) };
      current.status = outcome.status;
      state.put(current);
      changed ||= before.phase !== current.status.phase || before.ready !== isPodReady(current);
    }
  });
  return changed;
}

function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item) ?? '';
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

export function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
