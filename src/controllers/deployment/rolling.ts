/**
 * RollingUpdate (Kubernetes' rolling.go). One pass takes one step: scale the new ReplicaSet up within
 * replicas + maxSurge; otherwise scale old ReplicaSets down within replicas - maxUnavailable available,
 * their unavailable pods first; once complete, drop old ReplicaSets beyond revisionHistoryLimit.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import type { SyncResult } from '../types';
import { cleanupDeployment } from './cleanup';
import { newReplicaSetReplicas, replicaSetsAndSyncRevision } from './new-replicaset';
import { deploymentComplete, syncRolloutStatus } from './progress';
import { active, oldestFirst, specReplicas, statusReplicas } from './replicasets';
import { scaleIfNeeded } from './scale';
import { maxUnavailableOf, replicasOf } from './spec';

export function rolloutRolling(state: State, dep: KObject, now: Date): SyncResult {
  const { newRS, oldRSs } = replicaSetsAndSyncRevision(state, dep, true, now);
  if (!newRS) return { requeueAfterMs: 0 }; // name collision: retried with the next hash
  const allRSs = [...oldRSs, newRS];

  if (reconcileNewReplicaSet(state, allRSs, newRS, dep)) return syncRolloutStatus(allRSs, newRS, dep, now);
  if (reconcileOldReplicaSets(state, allRSs, active(oldRSs), newRS, dep)) return syncRolloutStatus(allRSs, newRS, dep, now);
  if (deploymentComplete(dep, dep.status)) cleanupDeployment(state, oldRSs, dep);
  return syncRolloutStatus(allRSs, newRS, dep, now);
}

function reconcileNewReplicaSet(state: State, allRSs: KObject[], newRS: KObject, dep: KObject): boolean {
  const replicas = replicasOf(dep);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return scaleIfNeeded(state, newRS, replicas, dep);
  return scaleIfNeeded(state, newRS, newReplicaSetReplicas(dep, allRSs, newRS), dep);
}

function reconcileOldReplicaSets(state: State, allRSs: KObject[], oldRSs: KObject[], newRS: KObject, dep: KObject): boolean {
  if (specReplicas(oldRSs) === 0) return false;
  const minAvailable = replicasOf(dep) - maxUnavailableOf(dep);
  // Unavailable pods of the new ReplicaSet count against the budget too: while the new version is broken,
  // old pods must not go (see the long comment in Kubernetes' reconcileOldReplicaSets).
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;

  const cleaned = cleanupUnhealthyReplicas(state, oldRSs, dep, maxScaledDown);
  const scaled = scaleDownOldReplicaSets(state, [...oldRSs, newRS], oldRSs, dep);
  return cleaned + scaled > 0;
}

/** Takes away old replicas that are not available anyway (it costs no availability), oldest ReplicaSet first. */
function cleanupUnhealthyReplicas(state: State, oldRSs: KObject[], dep: KObject, maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(oldestFirst)) {
    if (total >= maxCleanup) break;
    const size = replicasOf(rs);
    const unhealthy = size - (rs.status?.availableReplicas ?? 0);
    if (size === 0 || unhealthy <= 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    scaleIfNeeded(state, rs, size - count, dep);
    total += count;
  }
  return total;
}

/** Takes away available old replicas while more than replicas - maxUnavailable stay available. */
function scaleDownOldReplicaSets(state: State, allRSs: KObject[], oldRSs: KObject[], dep: KObject): number {
  const minAvailable = replicasOf(dep) - maxUnavailableOf(dep);
  const available = statusReplicas(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(oldestFirst)) {
    if (total >= budget) break;
    const size = replicasOf(rs);
    if (size === 0) continue;
    const count = Math.min(size, budget - total);
    scaleIfNeeded(state, rs, size - count, dep);
    total += count;
  }
  return total;
}
