/**
 * The stateful set controller (pkg/controller/statefulset stateful_set_control.go) on one host, one level-based
 * step per pass: pods `<set>-<ordinal>` for the ordinals in range, each with its claims made first; with
 * OrderedReady one pod at a time in ordinal order, each once every lower one is Running and Ready, and removal
 * from the highest ordinal down; with Parallel all at once. A failed pod is deleted and made again under the
 * same name. Once every pod is healthy a RollingUpdate replaces the pods of an old revision from the highest
 * ordinal down to the partition, at most maxUnavailable unavailable at a time; OnDelete waits for the user.
 */
import { scaledValue } from '../../../api/intstr';
import { isPodAvailable, isPodReady } from '../../../api/pod-status';
import type { KObject } from '../../../api/types';
import { controlledBy } from '../../ownership';
import { podRoom } from '../../pod/capacity';
import { createOwnedPod, deleteOwnedPod } from '../../pod/controller-writes';
import { untilNextAvailable } from '../../replicaset/controller/sync';
import type { SyncResult } from '../../results';
import type { SyncContext } from '../../types';
import { ensureClaims, setClaimOwners } from './claim-control';
import { newStatefulPod, ordinalOf, revisionFor, startOrdinal } from './new-pod';
import { REVISION_HASH_LABEL, syncRevisions, truncateHistory, type WorkloadRevisions } from '../../controllerrevision/revisions';
import { statefulSetStatus } from './status';

/** After the API refused a pod (admission, capacity), the next try. */
const CREATE_RETRY_MS = 10_000;

export function syncStatefulSet(ctx: SyncContext, set: KObject): SyncResult {
  const { state, now } = ctx;
  const revisions = syncRevisions(state, set, now);
  const pods = controlledBy(state, 'Pod', set).filter((p) => ordinalOf(set, p) !== undefined);
  const failure = set.metadata.deletionTimestamp ? undefined : manage(ctx, set, pods, revisions);
  const live = controlledBy(state, 'Pod', set);
  truncateHistory(state, set, revisions, new Set(live.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL] ?? '')));
  const status = statefulSetStatus(set, live, revisions, now);
  if (JSON.stringify(status) !== JSON.stringify(set.status)) {
    set.status = status;
    state.put(set);
  }
  return { requeueAfterMs: failure ? CREATE_RETRY_MS : untilNextAvailable(set, live, now) };
}

/** One step toward the pods the set asks for; returns a refusal of a pod create, if any. */
function manage(ctx: SyncContext, set: KObject, pods: KObject[], revisions: WorkloadRevisions): string | undefined {
  const { state, now } = ctx;
  const monotonic = set.spec.podManagementPolicy !== 'Parallel';
  const minReady = set.spec.minReadySeconds ?? 0;
  const healthy = (p: KObject | undefined) => Boolean(p && !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && isPodReady(p) && isPodAvailable(p, minReady, now));
  const start = startOrdinal(set);
  const end = start + (set.spec.replicas ?? 1);
  const byOrdinal = new Map(pods.map((p) => [ordinalOf(set, p)!, p]));
  const ref = `${set.metadata.namespace ?? 'default'}/${set.metadata.name}`;
  const isCondemned = (p: KObject) => ordinalOf(set, p)! < start || ordinalOf(set, p)! >= end;
  setClaimOwners(state, set, pods, isCondemned);

  for (let ordinal = start; ordinal < end; ordinal++) {
    const pod = byOrdinal.get(ordinal);
    if (!pod) {
      const created = newStatefulPod(set, ordinal, revisionFor(set, ordinal, revisions), now);
      ensureClaims(state, set, created, now);
      const failure = createOwnedPod(state, set, created, ctx.limits, podRoom(state, ctx.limits), `create Pod ${created.metadata.name} in StatefulSet ${set.metadata.name} successful`);
      if (failure) return failure;
      byOrdinal.set(ordinal, created);
      if (monotonic) return undefined;
      continue;
    }
    if (pod.metadata.deletionTimestamp) {
      if (monotonic) return undefined;
      continue;
    }
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') {
      state.event(set, 'Warning', 'RecreatingFailedPod', `StatefulSet ${ref} is recreating failed Pod ${pod.metadata.name}`);
      deletePod(ctx, set, pod);
      if (monotonic) return undefined;
      continue;
    }
    // A claim deleted under a running pod is made again for the pod's next start.
    ensureClaims(state, set, pod, now);
    if (monotonic && !healthy(pod)) return undefined;
  }

  const condemned = pods.filter(isCondemned).sort((a, b) => ordinalOf(set, b)! - ordinalOf(set, a)!);
  const firstUnhealthy = [...byOrdinal.entries()].sort(([a], [b]) => a - b).map(([, p]) => p).find((p) => !healthy(p));
  for (const pod of condemned) {
    if (pod.metadata.deletionTimestamp) {
      if (monotonic) return undefined;
      continue;
    }
    if (monotonic && firstUnhealthy && firstUnhealthy !== pod) return undefined;
    deletePod(ctx, set, pod);
    if (monotonic) return undefined;
  }

  const strategy = set.spec.updateStrategy ?? {};
  if (strategy.type !== 'RollingUpdate') return undefined;
  const partition = strategy.rollingUpdate?.partition ?? 0;
  const targets: (KObject | undefined)[] = [];
  for (let ordinal = end - 1; ordinal >= Math.max(start, start + partition); ordinal--) targets.push(byOrdinal.get(ordinal));
  const maxUnavailable = Math.max(1, scaledValue(strategy.rollingUpdate?.maxUnavailable ?? 1, set.spec.replicas ?? 1, true));
  let room = maxUnavailable - targets.filter((p) => !healthy(p)).length;
  // Highest ordinal first. An old pod that is unavailable anyway is replaced at no cost; a healthy one only while
  // fewer than maxUnavailable pods are unavailable (an unhealthy new pod holds the update).
  for (const pod of targets) {
    if (!pod || pod.metadata.deletionTimestamp || pod.metadata.labels?.[REVISION_HASH_LABEL] === revisions.update.metadata.name) continue;
    if (healthy(pod)) {
      if (room <= 0) break;
      room--;
    }
    deletePod(ctx, set, pod);
  }
  return undefined;
}

function deletePod(ctx: SyncContext, set: KObject, pod: KObject): void {
  deleteOwnedPod(ctx.state, set, pod, ctx.now, `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
}
