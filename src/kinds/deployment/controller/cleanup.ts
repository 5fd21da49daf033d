/**
 * revisionHistoryLimit: old ReplicaSets beyond the limit are deleted, lowest revision first, but only once
 * they are scaled to 0 and have no pod left (Kubernetes' cleanupDeployment; kctl also waits for terminating
 * pods so that no Pod outlives its owner).
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { controlledBy } from '../../ownership';
import { byRevision } from './replicasets';
import { replicasOf, revisionHistoryLimitOf } from './spec';

export function cleanupDeployment(state: State, oldRSs: KObject[], dep: KObject): void {
  const limit = revisionHistoryLimitOf(dep);
  if (limit === undefined) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
  for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - limit))) {
    const idle = replicasOf(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && (rs.metadata.generation ?? 1) <= (rs.status?.observedGeneration ?? 0);
    if (idle && controlledBy(state, 'Pod', rs).length === 0) state.remove('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  }
}
