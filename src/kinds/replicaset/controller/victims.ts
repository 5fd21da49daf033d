/**
 * Which pods a ReplicaSet deletes first when it has too many, in the order of Kubernetes' ActivePodsWithRanks:
 * pending before running, not ready before ready, ready for less time before ready for longer, more restarts
 * before fewer, newer before older. So a scale-down takes the pods that serve least.
 */
import type { KObject } from '../../../api/types';
import { isPodReady, readyCondition } from '../../../api/pod-status';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export function podsToDelete(pods: KObject[], count: number): KObject[] {
  return [...pods].sort(deleteFirst).slice(0, Math.max(0, count));
}

function deleteFirst(a: KObject, b: KObject): number {
  const phase = (PHASE_ORDER[a.status?.phase] ?? 0) - (PHASE_ORDER[b.status?.phase] ?? 0);
  if (phase !== 0) return phase;
  const readyA = isPodReady(a);
  if (readyA !== isPodReady(b)) return readyA ? 1 : -1;
  if (readyA) {
    const since = laterFirst(readyCondition(a)?.lastTransitionTime, readyCondition(b)?.lastTransitionTime);
    if (since !== 0) return since;
  }
  const restarts = maxRestarts(b) - maxRestarts(a);
  if (restarts !== 0) return restarts;
  return laterFirst(a.metadata.creationTimestamp, b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name);
}

/** Later time first; a missing time counts as latest (Kubernetes' afterOrZero). */
function laterFirst(a: string | undefined, b: string | undefined): number {
  const ta = a ? Date.parse(a) : Infinity;
  const tb = b ? Date.parse(b) : Infinity;
  if (ta === tb) return 0;
  return ta > tb ? -1 : 1;
}

function maxRestarts(pod: KObject): number {
  return Math.max(0, ...((pod.status?.containerStatuses ?? []) as { restartCount?: number }[]).map((c) => c.restartCount ?? 0));
}
