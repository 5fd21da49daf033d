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
import { replicaSetsAndSyncRevision } from './new-replicaset';
import { active } from './replicasets';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { scaleProportionally } from './scale';
import { calculateStatus } from './status';
import { isRollingUpdate, progressDeadlineSecondsOf, replicasOf } from './spec';

export type { SyncResult } from '../types';

export function syncDeployment(state: State, dep: KObject, now: Date): SyncResult {
  const before = JSON.stringify(dep);
  const result = reconcile(state, dep, now);
  if (JSON.stringify(dep) !== before) state.put(dep);
  return result;
}

function reconcile(state: State, dep: KObject, now: Date): SyncResult {
  if (dep.metadata.deletionTimestamp) return syncStatusOnly(state, dep, now);
  checkPausedConditions(dep, now);
  if (dep.spec.paused || isScalingEvent(state, dep, now)) return scaleOnly(state, dep, now);
  return isRollingUpdate(dep) ? rolloutRolling(state, dep, now) : rolloutRecreate(state, dep, now);
}

/** Paused, or only replicas changed: resize without rolling anything out. */
function scaleOnly(state: State, dep: KObject, now: Date): SyncResult {
  const { newRS, oldRSs } = replicaSetsAndSyncRevision(state, dep, false, now);
  scaleProportionally(state, dep, newRS, oldRSs);
  if (dep.spec.paused) cleanupDeployment(state, oldRSs, dep);
  return syncStatusOf([...oldRSs, ...(newRS ? [newRS] : [])], newRS, dep, now);
}

function syncStatusOnly(state: State, dep: KObject, now: Date): SyncResult {
  const { newRS, oldRSs } = replicaSetsAndSyncRevision(state, dep, false, now);
  return syncStatusOf([...oldRSs, ...(newRS ? [newRS] : [])], newRS, dep, now);
}

/** Status without progress estimation: a paused or scaling Deployment is not rolling out. */
function syncStatusOf(allRSs: KObject[], newRS: KObject | undefined, dep: KObject, now: Date): SyncResult {
  dep.status = calculateStatus(allRSs, newRS, dep, now);
  return {};
}

/** Replicas changed since the active ReplicaSets were last sized (their desired-replicas annotation). */
function isScalingEvent(state: State, dep: KObject, now: Date): boolean {
  const { newRS, oldRSs } = replicaSetsAndSyncRevision(state, dep, false, now);
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
