/** A ReplicaSet's status from its active pods, as Kubernetes' calculateStatus computes it. */
import type { KObject } from '../../../api/types';
import { isPodAvailable, isPodReady } from '../../../api/pod-status';

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  observedGeneration: number;
}

export function replicaSetStatus(rs: KObject, activePods: KObject[], now: Date): ReplicaSetStatus {
  const templateLabels: Record<string, string> = rs.spec.template?.metadata?.labels ?? {};
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  const fullyLabeled = (pod: KObject) => Object.entries(templateLabels).every(([k, v]) => pod.metadata.labels?.[k] === v);
  return {
    replicas: activePods.length,
    fullyLabeledReplicas: activePods.filter(fullyLabeled).length,
    readyReplicas: activePods.filter(isPodReady).length,
    availableReplicas: activePods.filter((p) => isPodAvailable(p, minReadySeconds, now)).length,
    observedGeneration: rs.metadata.generation ?? 1,
  };
}
