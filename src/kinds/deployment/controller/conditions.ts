/** Deployment conditions, set the way Kubernetes' SetDeploymentCondition does. */
import type { Condition } from '../../../api/types';
import { rfc3339 } from '../../../api/time';

export const Available = 'Available';
export const Progressing = 'Progressing';
/** Copied from a ReplicaSet whose pods could not be created (admission, the host's pod capacity). */
export const ReplicaFailure = 'ReplicaFailure';
/** Argo Rollouts' condition for a spec its controller cannot act on (kctl: a state file edited by hand). */
export const InvalidSpec = 'InvalidSpec';

export const Reason = {
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
  InvalidSpec: 'InvalidSpec',
} as const;

export interface ConditionHolder {
  conditions?: Condition[];
}

export function getCondition(status: ConditionHolder | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: Condition['status'], reason: string, message: string, now: Date): Condition {
  const at = rfc3339(now);
  return { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message };
}

/**
 * Replaces the condition of the same type unless status and reason are unchanged (then nothing moves, not
 * even lastUpdateTime); lastTransitionTime is kept while the status stays the same.
 */
export function setCondition(status: ConditionHolder, condition: Condition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  removeCondition(status, condition.type);
  status.conditions!.push(condition);
}

export function removeCondition(status: ConditionHolder, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
}
