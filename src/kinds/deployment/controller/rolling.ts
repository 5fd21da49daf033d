/**
 * RollingUpdate (Kubernetes' rolling.go). One pass takes one step: scale the new ReplicaSet up within
 * replicas + maxSurge; otherwise scale old ReplicaSets down within replicas - maxUnavailable available,
 * their unavailable pods first; once complete, drop old ReplicaSets beyond revisionHistoryLimit.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import type { RolloutStrategy } from './strategy';
import { cleanupDeployment } from './cleanup';
import { replicaSetsAndSyncRevision } from './new-replicaset';
import { deploymentComplete } from './complete';
import { syncRolloutStatus } from './progress';
import { active, oldestFirst, specReplicas, statusReplicas } from './replicasets';
import { scaleIfNeeded } from './scale';
import { replicasOf, resolveFenceposts } from './spec';

export const rollingUpdate: RolloutStrategy = {
  rollout: rolloutRolling,
  maxSurge: (dep) => resolveFenceposts(dep).maxSurge,
  // Never more than replicas, so 0 for 0 replicas.
  maxUnavailable: (dep) => Math.min(resolveFenceposts(dep).maxUnavailable, replicasOf(dep)),
  newReplicaSetReplicas,
  scalesProportionally: true,
};

function rolloutRolling(state: State, dep: KObject, now: Date): SyncResult {
  const { newRS, oldRSs } = replicaSetsAndSyncRevision(state, dep, now, rollingUpdate);
  if (!newRS) return { requeueAfterMs: 0 }; // name collision: retried with the next hash
  const allRSs = [...oldRSs, newRS];

  if (reconcileNewReplicaSet(state, allRSs, newRS, dep)) return syncRolloutStatus(allRSs, newRS, dep, rollingUpdate, now);
  if (reconcileOldReplicaSets(state, allRSs, active(oldRSs), newRS, dep)) return syncRolloutStatus(allRSs, newRS, dep, rollingUpdate, now);
  if (deploymentComplete(dep, dep.status)) cleanupDeployment(state, oldRSs, dep);
  return syncRolloutStatus(allRSs, newRS, dep, rollingUpdate, now);
}

/** Up to replicas, within replicas + maxSurge over all ReplicaSets. */
function newReplicaSetReplicas(dep: KObject, allRSs: KObject[], newRS: KObject): number {
  const replicas = replicasOf(dep);
  const maxTotal = replicas + rollingUpdate.maxSurge(dep);
  const current = specReplicas(allRSs);
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, replicas - replicasOf(newRS));
}

function reconcileNewReplicaSet(state: State, allRSs: KObject[], newRS: KObject, dep: KObject): boolean {
  const replicas = replicasOf(dep);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return scaleIfNeeded(state, newRS, replicas, dep, rollingUpdate);
  return scaleIfNeeded(state, newRS, newReplicaSetReplicas(dep, allRSs, newRS), dep, rollingUpdate);
}

function reconcileOldReplicaSets(state: State, allRSs: KObject[], oldRSs: KObject[], newRS: KObject, dep: KObject): boolean {
  if (specReplicas(oldRSs) === 0) return false;
  const minAvailable = replicasOf(dep) - rollingUpdate.maxUnavailable(dep);
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
    scaleIfNeeded(state, rs, size - count, dep, rollingUpdate);
    total += count;
  }
  return total;
}

/** Takes away available old replicas while more than replicas - maxUnavailable stay available. */
function scaleDownOldReplicaSets(state: State, allRSs: KObject[], oldRSs: KObject[], dep: KObject): number {
  const minAvailable = replicasOf(dep) - rollingUpdate.maxUnavailable(dep);
  const available = statusReplicas(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(oldestFirst)) {
    if (total >= budget) break;
    const size = replicasOf(rs);
    if (size === 0) continue;
    const count = Math.min(size, budget - total);
    scaleIfNeeded(state, rs, size - count, dep, rollingUpdate);
    total += count;
  }
  return total;
}
