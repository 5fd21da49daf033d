/**
 * Recreate (Kubernetes' recreate.go): scale every old ReplicaSet to 0, wait until no pod of theirs is left
 * at all (terminating ones included, so old and new never run side by side), then bring the new one up to
 * replicas in one go.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import { controlledBy } from '../../ownership';
import { cleanupDeployment } from './cleanup';
import { allOf, replicaSetsAndSyncRevision } from './new-replicaset';
import { deploymentComplete } from './complete';
import { syncRolloutStatus } from './progress';
import { active } from './replicasets';
import { scaleIfNeeded } from './scale';
import { replicasOf } from './spec';
import type { RolloutStrategy } from './strategy';

/** Old and new never run side by side, so nothing surges and nothing counts on old pods staying available. */
export const recreate: RolloutStrategy = {
  rollout: rolloutRecreate,
  maxSurge: () => 0,
  maxUnavailable: () => 0,
  newReplicaSetReplicas: (dep) => replicasOf(dep),
  scalesProportionally: false,
};

function rolloutRecreate(state: State, dep: KObject, now: Date): SyncResult {
  // The new ReplicaSet is not created yet, so nothing scales up before the old pods are gone.
  let current = replicaSetsAndSyncRevision(state, dep, now);

  let scaledDown = false;
  for (const rs of active(current.oldRSs)) scaledDown = scaleIfNeeded(state, rs, 0, dep, recreate) || scaledDown;
  if (scaledDown || oldPodsExist(state, current.oldRSs)) return syncRolloutStatus(allOf(current), current.newRS, dep, recreate, now);

  if (!current.newRS) current = replicaSetsAndSyncRevision(state, dep, now, recreate);
  const { newRS, oldRSs } = current;
  if (!newRS) return { requeueAfterMs: 0 }; // name collision: retried with the next hash
  scaleIfNeeded(state, newRS, replicasOf(dep), dep, recreate);
  if (deploymentComplete(dep, dep.status)) cleanupDeployment(state, oldRSs, dep);
  return syncRolloutStatus(allOf(current), newRS, dep, recreate, now);
}

function oldPodsExist(state: State, oldRSs: KObject[]): boolean {
  return oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0 || controlledBy(state, 'Pod', rs).length > 0);
}
