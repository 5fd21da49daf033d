/**
 * Recreate (Kubernetes' recreate.go): scale every old ReplicaSet to 0, wait until no pod of theirs is left
 * at all (terminating ones included, so old and new never run side by side), then bring the new one up to
 * replicas in one go.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import type { SyncResult } from '../types';
import { controlledBy } from '../replicaset/ownership';
import { cleanupDeployment } from './cleanup';
import { replicaSetsAndSyncRevision } from './new-replicaset';
import { deploymentComplete, syncRolloutStatus } from './progress';
import { active } from './replicasets';
import { scaleIfNeeded } from './scale';
import { replicasOf } from './spec';

export function rolloutRecreate(state: State, dep: KObject, now: Date): SyncResult {
  // The new ReplicaSet is not created yet, so nothing scales up before the old pods are gone.
  let { newRS, oldRSs } = replicaSetsAndSyncRevision(state, dep, false, now);
  const withNew = () => [...oldRSs, ...(newRS ? [newRS] : [])];

  let scaledDown = false;
  for (const rs of active(oldRSs)) scaledDown = scaleIfNeeded(state, rs, 0, dep) || scaledDown;
  if (scaledDown || oldPodsExist(state, oldRSs)) return syncRolloutStatus(withNew(), newRS, dep, now);

  if (!newRS) {
    ({ newRS, oldRSs } = replicaSetsAndSyncRevision(state, dep, true, now));
    if (!newRS) return { requeueAfterMs: 0 }; // name collision: retried with the next hash
  }
  scaleIfNeeded(state, newRS, replicasOf(dep), dep);
  if (deploymentComplete(dep, dep.status)) cleanupDeployment(state, oldRSs, dep);
  return syncRolloutStatus(withNew(), newRS, dep, now);
}

function oldPodsExist(state: State, oldRSs: KObject[]): boolean {
  return oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0 || controlledBy(state, 'Pod', rs).length > 0);
}
