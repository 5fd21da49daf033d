/**
 * manageJob: makes the Job's active pods what it wants now: none while suspended, else up to parallelism of
 * the completions still to do, deleting extras (not counted as failures) or creating the missing ones once the
 * back-off after a failure has passed. Either deletes or creates in one sync, never both.
 */
import type { KObject } from '../../../api/types';
import type { SyncContext } from '../../types';
import { podRoom } from '../../pod/capacity';
import { createOwnedPod, deleteOwnedPod } from '../../pod/controller-writes';
import { BURST_REPLICAS } from '../../replicaset/controller/sync';
import { podsToDelete } from '../../replicaset/controller/victims';
import { remainingBackoffMs } from './backoff';
import { isIndexed, pendingIndexes } from './indexes';
import { newJobPod } from './new-pod';
import { isTerminating, onlyReplaceFailedPods, untrack } from './pods';

export interface JobPods {
  all: KObject[];
  active: KObject[];
  succeeded: number;
  succeededIndexes: Set<number>;
}

export interface Managed {
  /** The active pods afterwards. */
  active: KObject[];
  /** Run again this much later (the back-off, a refused create). */
  requeueAfterMs?: number;
}

/** After the API refused a pod (admission, the host's capacity), the next try. */
const CREATE_RETRY_MS = 10_000;

export function manageJob(ctx: SyncContext, job: KObject, pods: JobPods): Managed {
  const { active } = pods;
  if (job.spec.suspend) return { active: deletePods(ctx, job, active, active) };
  const wantActive = wantedActive(job, pods);
  if (active.length > wantActive) return { active: deletePods(ctx, job, active, podsToDelete(active, Math.min(active.length - wantActive, BURST_REPLICAS))) };
  const terminating = onlyReplaceFailedPods(job) ? pods.all.filter(isTerminating).length : 0;
  let missing = Math.min(wantActive - terminating - active.length, BURST_REPLICAS);
  if (missing <= 0) return { active };
  const backoff = remainingBackoffMs(job, pods.all, ctx.now);
  if (backoff > 0) return { active, requeueAfterMs: backoff };
  const indexes = isIndexed(job) ? pendingIndexes(pods.succeededIndexes, active, job, missing) : undefined;
  if (indexes) missing = indexes.length;
  const created: KObject[] = [];
  const room = podRoom(ctx.state, ctx.limits);
  for (let i = 0; i < missing; i++) {
    const pod = newJobPod(ctx.state, job, indexes?.[i], ctx.now);
    if (createOwnedPod(ctx.state, job, pod, ctx.limits, room - created.length)) return { active: [...active, ...created], requeueAfterMs: CREATE_RETRY_MS };
    created.push(pod);
  }
  return { active: [...active, ...created] };
}

function wantedActive(job: KObject, pods: JobPods): number {
  const parallelism: number = job.spec.parallelism ?? 1;
  // A work queue (no completions): once one pod succeeded, the others finish their work and none is added.
  if (job.spec.completions === undefined) return pods.succeeded > 0 ? pods.active.length : parallelism;
  return Math.max(0, Math.min(job.spec.completions - pods.succeeded, parallelism));
}

/** Deletes `victims` without counting them as failures (their finalizer goes first); returns the active pods left. */
function deletePods(ctx: SyncContext, job: KObject, active: KObject[], victims: KObject[]): KObject[] {
  for (const pod of victims) {
    untrack(pod);
    deleteOwnedPod(ctx.state, job, pod, ctx.now);
  }
  return active.filter((p) => !victims.includes(p));
}
