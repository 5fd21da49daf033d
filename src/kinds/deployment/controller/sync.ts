/**
 * The Deployment controller's entry point (Kubernetes' syncDeployment and sync.go): one level-based step for
 * one Deployment. A paused Deployment or a change of replicas only scales; a template change rolls out with
 * the Deployment's strategy (strategies.ts); a strategy kctl does not know leaves its ReplicaSets alone
 * (invalid-spec.ts). Mutates the state; the caller persists it.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import { DESIRED_REPLICAS } from './annotations';
import { cleanupDeployment } from './cleanup';
import { getCondition, newCondition, Progressing, Reason, setCondition } from './conditions';
import { clearInvalidSpec, reportInvalidSpec } from './invalid-spec';
import { allOf, replicaSetsAndSyncRevision, type ReplicaSets } from './new-replicaset';
import { scaleProportionally } from './proportional';
import { active } from './replicasets';
import { calculateStatus } from './status';
import { progressDeadlineSecondsOf, replicasOf } from './spec';
import type { RolloutStrategy } from './strategy';
import { strategyOf, unsupportedStrategyMessage } from './strategies';

export function syncDeployment(state: State, dep: KObject, now: Date): SyncResult {
  const before = JSON.stringify(dep);
  const result = reconcile(state, dep, now);
  if (JSON.stringify(dep) !== before) state.put(dep);
  return result;
}

function reconcile(state: State, dep: KObject, now: Date): SyncResult {
  const strategy = strategyOf(dep);
  if (!strategy) return reportInvalidSpec(state, dep, unsupportedStrategyMessage(dep), now);
  clearInvalidSpec(dep);
  if (dep.metadata.deletionTimestamp) return syncStatus(replicaSetsAndSyncRevision(state, dep, now), dep, strategy, now);
  checkPausedConditions(dep, now);
  const current = replicaSetsAndSyncRevision(state, dep, now);
  if (dep.spec.paused || isScalingEvent(dep, current)) {
    // Paused, or only replicas changed: resize without rolling anything out.
    scaleProportionally(state, dep, current.newRS, current.oldRSs);
    if (dep.spec.paused) cleanupDeployment(state, current.oldRSs, dep);
    return syncStatus(current, dep, strategy, now);
  }
  return strategy.rollout(state, dep, now);
}

/** Status without progress estimation: a paused, scaling or deleted Deployment is not rolling out. */
function syncStatus(replicaSets: ReplicaSets, dep: KObject, strategy: RolloutStrategy, now: Date): SyncResult {
  dep.status = calculateStatus(allOf(replicaSets), replicaSets.newRS, dep, strategy, now);
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
