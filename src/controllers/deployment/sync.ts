/**
 * The Deployment controller's entry point (Kubernetes' syncDeployment and sync.go): one level-based step for
 * one Deployment. A paused Deployment or a change of replicas only scales; a template change rolls out with
 * the Deployment's strategy (rolling.ts, recreate.ts). Mutates the state; the caller persists it.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import type { SyncResult } from '../types';
import { DESIRED_REPLICAS } from './annotations';
import { cleanupDeployment } from './cleanup';
import { getCondition, newCondition, Progressing, Reason, setCondition } from './conditions';
import { allOf, replicaSetsAndSyncRevision, type ReplicaSets } from './new-replicaset';
import { active } from './replicasets';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { scaleProportionally } from './scale';
import { calculateStatus } from './status';
import { isRollingUpdate, progressDeadlineSecondsOf, replicasOf } from './spec';

export function syncDeployment(state: State, dep: KObject, now: Date): SyncResult {
  const before = JSON.stringify(dep);
  const result = reconcile(state, dep, now);
  if (JSON.stringify(dep) !== before) state.put(dep);
  return result;
}

function reconcile(state: State, dep: KObject, now: Date): SyncResult {
  if (dep.metadata.deletionTimestamp) return syncStatus(replicaSetsAndSyncRevision(state, dep, false, now), dep, now);
  checkPausedConditions(dep, now);
  const current = replicaSetsAndSyncRevision(state, dep, false, now);
  if (dep.spec.paused || isScalingEvent(dep, current)) {
    // Paused, or only replicas changed: resize without rolling anything out.
    scaleProportionally(state, dep, current.newRS, current.oldRSs);
    if (dep.spec.paused) cleanupDeployment(state, current.oldRSs, dep);
    return syncStatus(current, dep, now);
  }
  return isRollingUpdate(dep) ? rolloutRolling(state, dep, now) : rolloutRecreate(state, dep, now);
}

/** Status without progress estimation: a paused, scaling or deleted Deployment is not rolling out. */
function syncStatus(replicaSets: ReplicaSets, dep: KObject, now: Date): SyncResult {
  dep.status = calculateStatus(allOf(replicaSets), replicaSets.newRS, dep, now);
  return {};
}

/** Replicas changed since the active ReplicaSets were last sized (their desired-replicas annotation). */
function isScalingEvent(dep: KObject, { newRS, oldRSs }: ReplicaSets): boolean {
  return active([...oldRSs, newRS]).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return desired !== undefined && Number(desired) !== replicasOf(dep);
  });
}

/**
 * Pausing and resuming are recorded in the Progressing condition, so time spent paused never counts against
 * the progress deadline. A deadline already exceeded stays visible.
 */
function checkPausedConditions(dep: KObject, now: Date): void {
  if (progressDeadlineSecondsOf(dep) === undefined) return;
  const cond = getCondition(dep.status, Progressing);
  if (cond?.reason === Reason.ProgressDeadlineExceeded) return;
  const pausedRecorded = cond?.reason === Reason.DeploymentPaused;
  if (dep.spec.paused && !pausedRecorded) {
    setCondition((dep.status ??= {}), newCondition(Progressing, 'Unknown', Reason.DeploymentPaused, 'Deployment is paused', now));
  } else if (!dep.spec.paused && pausedRecorded) {
    setCondition((dep.status ??= {}), newCondition(Progressing, 'Unknown', Reason.DeploymentResumed, 'Deployment is resumed', now));
  }
}
