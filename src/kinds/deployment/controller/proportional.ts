/**
 * Resizing every ReplicaSet of a Deployment at once in proportion to their size, when the Deployment itself is
 * scaled mid-rollout or while paused (Kubernetes' scale()).
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { DESIRED_REPLICAS, MAX_REPLICAS } from './annotations';
import { active, largerThenNewer, largerThenOlder, oldestFirst, specReplicas } from './replicasets';
import { scaleIfNeeded, scaleReplicaSet } from './scale';
import { replicasOf } from './spec';
import { maxSurgeOf, strategyOf } from './strategies';

/**
 * A scaling event or a paused Deployment: a lone active ReplicaSet takes the whole size; a saturated new one
 * takes it from the old; otherwise, when the strategy scales proportionally (RollingUpdate), the difference is
 * spread over the active ReplicaSets in proportion to their share of the size recorded in their max-replicas
 * annotation. An unknown strategy scales nothing (sync.ts reports it).
 */
export function scaleProportionally(state: State, dep: KObject, newRS: KObject | undefined, oldRSs: KObject[]): void {
  const strategy = strategyOf(dep);
  if (!strategy) return;
  const replicas = replicasOf(dep);
  const target = activeOrLatest(newRS, oldRSs);
  if (target) {
    scaleIfNeeded(state, target, replicas, dep, strategy);
    return;
  }
  if (newRS && isSaturated(dep, newRS)) {
    for (const old of active(oldRSs)) scaleIfNeeded(state, old, 0, dep, strategy);
    return;
  }
  if (!strategy.scalesProportionally) return;

  const allRSs = active([...oldRSs, newRS]);
  const allowedSize = replicas > 0 ? replicas + maxSurgeOf(dep) : 0;
  const toAdd = allowedSize - specReplicas(allRSs);
  if (toAdd > 0) allRSs.sort(largerThenNewer);
  else if (toAdd < 0) allRSs.sort(largerThenOlder);

  let added = 0;
  const sizes = allRSs.map((rs) => {
    const change = toAdd === 0 ? 0 : proportion(rs, dep, toAdd, added);
    added += change;
    return replicasOf(rs) + change;
  });
  // Rounding leftovers go to (or come from) the largest ReplicaSet.
  if (toAdd !== 0 && sizes.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  allRSs.forEach((rs, i) => scaleReplicaSet(state, rs, sizes[i], dep, strategy));
}

/** The only active ReplicaSet; or, when none is active, the newest one. */
function activeOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
  const candidates = active([...oldRSs, newRS]);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) return undefined;
  return newRS ?? [...oldRSs].sort(oldestFirst).at(-1);
}

/** The new ReplicaSet already has every replica, all of them available. */
function isSaturated(dep: KObject, rs: KObject): boolean {
  const replicas = replicasOf(dep);
  const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS]);
  return replicasOf(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** Kubernetes' GetReplicaSetProportion: this ReplicaSet's share of toAdd, never beyond what is left to add. */
function proportion(rs: KObject, dep: KObject, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === added) return 0;
  const fraction = fractionOf(rs, dep);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function fractionOf(rs: KObject, dep: KObject): number {
  const size = replicasOf(rs);
  const replicas = replicasOf(dep);
  if (replicas === 0) return -size;
  let before = Number(rs.metadata.annotations?.[MAX_REPLICAS]);
  // Without the annotation (a hand-edited ReplicaSet) fall back to the Deployment's current size.
  if (!Number.isInteger(before) || before === 0) before = dep.status?.replicas ?? 0;
  if (before === 0) return 0;
  // Never negative, so Math.round rounds halves up as Go's math.Round does.
  return Math.round((size * (replicas + maxSurgeOf(dep))) / before) - size;
}
