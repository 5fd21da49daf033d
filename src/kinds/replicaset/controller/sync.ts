/**
 * The ReplicaSet controller: one level-based step that makes the number of active pods equal spec.replicas
 * (creating Pod objects, or marking extras for deletion; the pod controller does the rest) and writes status.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import { newPod } from './new-pod';
import { controlledBy } from '../../ownership';
import { availableFrom, isPodActive } from '../../../api/pod-status';
import { replicaSetStatus } from './status';
import { podsToDelete } from './victims';
import { DEFAULT_LIMITS, podRoom, type HostLimits } from '../../pod/capacity';
import { createOwnedPod, deleteOwnedPod } from '../../pod/controller-writes';

/** At most this many pods are created or deleted per sync, as Kubernetes' ReplicaSet controller (burstReplicas). */
export const BURST_REPLICAS = 500;
/** After the API refused a pod (admission), the next try; the namespace's labels changing wakes it sooner. */
const CREATE_RETRY_MS = 10_000;

export function syncReplicaSet(state: State, rs: KObject, now: Date, limits: HostLimits = DEFAULT_LIMITS): SyncResult {
  let pods = controlledBy(state, 'Pod', rs).filter(isPodActive);
  let failure: string | undefined;
  if (!rs.metadata.deletionTimestamp) ({ pods, failure } = manageReplicas(state, rs, pods, now, limits));

  const status = replicaSetStatus(rs, pods, now, failure);
  if (JSON.stringify(status) !== JSON.stringify(rs.status)) {
    rs.status = status;
    state.put(rs);
  }
  // A burst short of the goal: the next sync makes the next one (after a refusal, a while later).
  const unfinished = !rs.metadata.deletionTimestamp && pods.length !== (rs.spec.replicas ?? 1);
  if (unfinished) return { requeueAfterMs: failure ? CREATE_RETRY_MS : 0 };
  return { requeueAfterMs: untilNextAvailable(rs, pods, now) };
}

/** Creates or deletes pods so that `replicas` are active; returns the active pods afterwards. */
function manageReplicas(state: State, rs: KObject, pods: KObject[], now: Date, limits: HostLimits): { pods: KObject[]; failure?: string } {
  const want = rs.spec.replicas ?? 1;
  if (pods.length < want) {
    const created: KObject[] = [];
    const room = podRoom(state, limits);
    for (let i = pods.length; i < Math.min(want, pods.length + BURST_REPLICAS); i++) {
      const pod = newPod(state, rs, now);
      const denial = createOwnedPod(state, rs, pod, limits, room - created.length);
      if (denial) return { pods: [...pods, ...created], failure: denial };
      created.push(pod);
    }
    return { pods: [...pods, ...created] };
  }
  const victims = podsToDelete(pods, Math.min(pods.length - want, BURST_REPLICAS));
  for (const pod of victims) deleteOwnedPod(state, rs, pod, now);
  return { pods: pods.filter((p) => !victims.includes(p)) };
}

/** Ready pods become available minReadySeconds later with no event to wake anyone: ask to be run then. */
export function untilNextAvailable(rs: KObject, pods: KObject[], now: Date): number | undefined {
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  if (minReadySeconds === 0) return undefined;
  const pending = pods.map((p) => availableFrom(p, minReadySeconds)).filter((t): t is number => t !== undefined && Number.isFinite(t) && t >= now.getTime());
  // Availability is judged strictly after the moment, so wake 1 ms past it.
  return pending.length ? Math.min(...pending) - now.getTime() + 1 : undefined;
}
