/**
 * A StatefulSet's status (stateful_set_control.go updateStatefulSetStatus): pods counted by readiness and by
 * revision; once every pod is updated and ready, the update revision becomes the current one (RollingUpdate only,
 * as completeRollingUpdate does).
 */
import { isPodAvailable, isPodReady } from '../../../api/pod-status';
import type { KObject } from '../../../api/types';
import { REVISION_HASH_LABEL, type WorkloadRevisions } from '../../controllerrevision/revisions';

export function statefulSetStatus(set: KObject, pods: KObject[], revisions: WorkloadRevisions, now: Date): any {
  const live = pods.filter((p) => !p.metadata.deletionTimestamp);
  const minReady = set.spec.minReadySeconds ?? 0;
  const ready = live.filter((p) => p.status?.phase === 'Running' && isPodReady(p));
  const at = (revision: KObject) => live.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === revision.metadata.name).length;
  const status = {
    observedGeneration: set.metadata.generation ?? 1,
    replicas: live.length,
    readyReplicas: ready.length,
    currentReplicas: at(revisions.current),
    updatedReplicas: at(revisions.update),
    currentRevision: revisions.current.metadata.name,
    updateRevision: revisions.update.metadata.name,
    collisionCount: set.status?.collisionCount ?? 0,
    availableReplicas: ready.filter((p) => isPodAvailable(p, minReady, now)).length,
  };
  if (set.spec.updateStrategy?.type === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
    status.currentRevision = status.updateRevision;
    status.currentReplicas = status.updatedReplicas;
  }
  return status;
}
