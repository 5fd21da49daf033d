/** The Deployment's status counts and Available condition, from its ReplicaSets (Kubernetes' calculateStatus). */
import type { Condition, KObject } from '../../../api/types';
import { Available, newCondition, Reason, removeCondition, ReplicaFailure, setCondition } from './conditions';
import { specReplicas, statusReplicas } from './replicasets';
import { replicasOf } from './spec';
import type { RolloutStrategy } from './strategy';

export interface DeploymentStatus {
  observedGeneration: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
  conditions: Condition[];
  collisionCount?: number;
  /** kctl's own: the latest automatic rollback (controllers/autorollback), kept from pass to pass. */
  autoRollback?: AutoRollbackRecord;
}

/** As Argo Rollouts records an abort in a Rollout's status: data for commands, where the event is for humans. */
export interface AutoRollbackRecord {
  revision: number;
  reason: string;
  /** RFC 3339, whole seconds. */
  time: string;
}

export function calculateStatus(allRSs: KObject[], newRS: KObject | undefined, dep: KObject, strategy: RolloutStrategy, now: Date): DeploymentStatus {
  const available = statusReplicas(allRSs, 'availableReplicas');
  const status: DeploymentStatus = {
    observedGeneration: dep.metadata.generation ?? 1,
    replicas: statusReplicas(allRSs, 'replicas'),
    updatedReplicas: statusReplicas([newRS], 'replicas'),
    readyReplicas: statusReplicas(allRSs, 'readyReplicas'),
    availableReplicas: available,
    // Negative while scaling down (more available than wanted): Kubernetes reports 0 then.
    unavailableReplicas: Math.max(0, specReplicas(allRSs) - available),
    conditions: structuredClone(dep.status?.conditions ?? []),
  };
  if (dep.status?.collisionCount !== undefined) status.collisionCount = dep.status.collisionCount;
  if (dep.status?.autoRollback !== undefined) status.autoRollback = dep.status.autoRollback;
  if (available >= replicasOf(dep) - strategy.maxUnavailable(dep)) {
    setCondition(status, newCondition(Available, 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition(Available, 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  // A ReplicaSet that could not make its pods says so on the Deployment, the new one's failure first.
  const failure = [newRS, ...allRSs].flatMap((rs) => rs?.status?.conditions ?? []).find((c: Condition) => c.type === ReplicaFailure);
  if (failure) setCondition(status, { ...failure, lastUpdateTime: failure.lastTransitionTime });
  else removeCondition(status, ReplicaFailure);
  return status;
}
