/** Readiness and availability of a Pod, as Kubernetes' podutil judges them: pure, for controllers and printers alike. */
import type { Condition, KObject } from './types';

export function readyCondition(pod: KObject): Condition | undefined {
  return (pod.status?.conditions as Condition[] | undefined)?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: KObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/**
 * The moment (ms since the epoch) a Ready pod counts as available: minReadySeconds after it became Ready.
 * Undefined when it is not Ready.
 */
export function availableFrom(pod: KObject, minReadySeconds: number): number | undefined {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return undefined;
  if (minReadySeconds === 0) return -Infinity;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : NaN;
  return Number.isNaN(since) ? Infinity : since + minReadySeconds * 1000;
}

/** Ready, and Ready for longer than minReadySeconds (strictly, as Kubernetes compares). */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: Date): boolean {
  const from = availableFrom(pod, minReadySeconds);
  return from !== undefined && from < now.getTime();
}

/** Counts towards a ReplicaSet: not being deleted and not finished (Kubernetes' FilterActivePods). */
export function isPodActive(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** How long a Pod being deleted may take to stop: the delete's grace period (--grace-period, --now, --force) if one was given, else its spec's. */
export function terminationGraceSeconds(pod: KObject): number {
  return pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
}
