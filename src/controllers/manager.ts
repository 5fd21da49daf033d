/**
 * The reconcile loop shared by one-shot commands and the controller process. One pass:
 *   1. object controllers on the state (HPAs -> Deployments -> ReplicaSets -> Pods -> Services, garbage collection);
 *   2. the pod backend brings the world to the Pods (backends/backend.ts);
 *   3. the pods' new status written back, and the object controllers again so status is current; then the
 *      backend's work that follows the pods.
 * Every step is persisted; a process killed anywhere leaves work the next pass finishes.
 */
import type { KObject } from '../api/types';
import type { PodOutcome } from '../backends/backend';
import type { State } from '../store/state';
import { kindDefinition, kindDefinitions } from '../kinds/registry';
import type { ObjectSync, SyncContext } from '../kinds/types';
import type { ControllerContext } from './context';
import { collectGarbage } from './gc';
import { isPodReady } from '../api/pod-status';
import { DEFAULT_LIMITS, type HostLimits } from '../kinds/pod/capacity';

export interface PassResult {
  /** When the next pass is due at the latest (undefined: only when something changes). */
  requeueAfterMs?: number;
}

export class Reconciler {
  constructor(readonly ctx: ControllerContext) {}

  async pass(): Promise<PassResult> {
    const { ctx } = this;
    let requeue = await ctx.store.update((state) => syncObjects(state, ctx.now(), ctx.limits));
    const { pods, outcomes, finish } = await ctx.backend.syncPods();

    const after = await ctx.store.update((s) => {
      const readinessChanged = writePodOutcomes(s, pods, outcomes);
      const objects = syncObjects(s, ctx.now(), ctx.limits);
      if (!readinessChanged) return objects;
      // Deployments are synced before their ReplicaSets, so they see what a pod becoming ready (or going) means
      // for them only in the next syncObjects: run it now, so no waiting command reads a Deployment status
      // that is a step behind its pods, and come back at once for the pods that step may have made.
      syncObjects(s, ctx.now(), ctx.limits);
      return 0;
    });
    for (const o of outcomes) requeue = minDefined(requeue, o.requeueAfterMs);
    requeue = minDefined(requeue, after);
    await finish();
    return { requeueAfterMs: requeue };
  }
}

/**
 * The object controllers, pure over the state: the garbage collector, then each kind's controllers in registry
 * order (src/kinds/registry.ts). Returns the earliest requeue they ask for.
 */
export function syncObjects(state: State, now: Date, limits: HostLimits = DEFAULT_LIMITS): number | undefined {
  const ctx: SyncContext = { state, now, kinds: kindDefinition, limits };
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

export function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
