/** A ReplicaSet's status from its active pods, as Kubernetes' calculateStatus computes it. */
import type { KObject } from '../../../api/types';
import { isPodAvailable, isPodReady } from '../../../api/pod-status';
import { rfc3339 } from '../../../api/time';

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  observedGeneration: number;
  conditions?: ReplicaFailure[];
}

/** Kubernetes' one ReplicaSet condition: the last pod create was refused. */
interface ReplicaFailure {
  type: 'ReplicaFailure';
  status: 'True';
  lastTransitionTime: string;
  reason: 'FailedCreate';
  message: string;
}

export function replicaSetStatus(rs: KObject, activePods: KObject[], now: Date, failure?: string): ReplicaSetStatus {
  const templateLabels: Record<string, string> = rs.spec.template?.metadata?.labels ?? {};
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  const fullyLabeled = (pod: KObject) => Object.entries(templateLabels).every(([k, v]) => pod.metadata.labels?.[k] === v);
  return {
    replicas: activePods.length,
    fullyLabeledReplicas: activePods.filter(fullyLabeled).length,
    readyReplicas: activePods.filter(isPodReady).length,
    availableReplicas: activePods.filter((p) => isPodAvailable(p, minReadySeconds, now)).length,
    observedGeneration: rs.metadata.generation ?? 1,
    ...(failure ? { conditions: [replicaFailure(rs, failure, now)] } : {}),
  };
}

function replicaFailure(rs: KObject, message: string, now: Date): ReplicaFailure {
  const previous = rs.status?.conditions?.find((c: any) => c.type === 'ReplicaFailure' && c.message === message);
  return { type: 'ReplicaFailure', status: 'True', lastTransitionTime: previous?.lastTransitionTime ?? rfc3339(now), reason: 'FailedCreate', message };
}
