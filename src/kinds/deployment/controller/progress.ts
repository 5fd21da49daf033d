/**
 * The Progressing condition and the progress deadline (Kubernetes' progress.go): a rollout that makes no
 * progress for progressDeadlineSeconds is marked ProgressDeadlineExceeded. Kubernetes stops there and keeps
 * trying; it never rolls back by itself.
 */
import type { KObject } from '../../../api/types';
import type { SyncResult } from '../../results';
import { getCondition, newCondition, Progressing, Reason, removeCondition, setCondition } from './conditions';
import { calculateStatus, type DeploymentStatus } from './status';
import { progressDeadlineSecondsOf } from './spec';
import type { RolloutStrategy } from './strategy';
import { deploymentComplete, progressDeadlineExceeded } from './complete';

/** More updated, fewer old, more ready or more available pods than the last recorded status. */
function deploymentProgressing(dep: KObject, next: DeploymentStatus): boolean {
  const prev: Partial<DeploymentStatus> = dep.status ?? {};
  const oldBefore = (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0);
  const oldNow = next.replicas - next.updatedReplicas;
  return next.updatedReplicas > (prev.updatedReplicas ?? 0) || oldNow < oldBefore || next.readyReplicas > (prev.readyReplicas ?? 0) || next.availableReplicas > (prev.availableReplicas ?? 0);
}

function deploymentTimedOut(deadlineSeconds: number, next: DeploymentStatus, now: Date): boolean {
  const cond = getCondition(next, Progressing);
  if (!cond || cond.reason === Reason.NewReplicaSetAvailable) return false;
  if (cond.reason === Reason.ProgressDeadlineExceeded) return true;
  return Date.parse(cond.lastUpdateTime ?? '') + deadlineSeconds * 1000 < now.getTime();
}

/** Writes the rollout's status and conditions; asks to be run again when the deadline check is due. */
export function syncRolloutStatus(allRSs: KObject[], newRS: KObject | undefined, dep: KObject, strategy: RolloutStrategy, now: Date): SyncResult {
  const next = calculateStatus(allRSs, newRS, dep, strategy, now);
  const deadline = progressDeadlineSecondsOf(dep);
  if (deadline === undefined) removeCondition(next, Progressing);

  const current = getCondition(dep.status, Progressing);
  const alreadyComplete = next.replicas === next.updatedReplicas && current?.reason === Reason.NewReplicaSetAvailable;
  if (deadline !== undefined && !alreadyComplete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${dep.metadata.name}"`;
    if (deploymentComplete(dep, next)) {
      setCondition(next, newCondition(Progressing, 'True', Reason.NewReplicaSetAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(dep, next)) {
      // Progress moves lastUpdateTime even when the reason stays, so the deadline counts from the last progress.
      const cond = newCondition(Progressing, 'True', Reason.ReplicaSetUpdated, `${subject} is progressing.`, now);
      if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(next, Progressing);
      setCondition(next, cond);
    } else if (deploymentTimedOut(deadline, next, now)) {
      setCondition(next, newCondition(Progressing, 'False', Reason.ProgressDeadlineExceeded, `${subject} has timed out progressing.`, now));
    }
  }
  dep.status = next;
  return { requeueAfterMs: untilDeadlineCheck(dep, deadline, now) };
}

/** A rollout still under way is looked at again when its deadline passes, even if nothing else happens. */
function untilDeadlineCheck(dep: KObject, deadline: number | undefined, now: Date): number | undefined {
  const cond = getCondition(dep.status, Progressing);
  if (deadline === undefined || !cond?.lastUpdateTime) return undefined;
  if (deploymentComplete(dep, dep.status) || progressDeadlineExceeded(dep.status)) return undefined;
  const after = Date.parse(cond.lastUpdateTime) + deadline * 1000 - now.getTime();
  // Kubernetes adds a second: the deadline is judged strictly after it passes.
  return Math.max(0, after) + 1000;
}
