/** How the job controller sees its pods: failed or not, when they finished, counted or not yet (the tracking finalizer). */
import type { KObject } from '../../../api/types';
import { TRACKING_FINALIZER } from '../labels';

/** Pods being deleted are replaced at once and count as failed, unless the Job replaces only Failed pods (podReplacementPolicy). */
export function onlyReplaceFailedPods(job: KObject): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy !== undefined;
}

export function isPodFailed(pod: KObject, job: KObject): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  // Deleted pods count as failures: an orphan never gets the chance to reach the Failed phase.
  return Boolean(pod.metadata.deletionTimestamp) && phase !== 'Succeeded';
}

/** Being deleted and not finished (CountTerminatingPods). */
export function isTerminating(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return Boolean(pod.metadata.deletionTimestamp) && phase !== 'Succeeded' && phase !== 'Failed';
}

/** When the pod finished (getFinishedTime): its last container's end, else its deletion, else its creation; ms. */
export function finishedAt(pod: KObject): number {
  const statuses: any[] = pod.status?.containerStatuses ?? [];
  const ends = statuses.map((s) => s.state?.terminated?.finishedAt);
  if (ends.length && ends.every(Boolean)) return Math.max(...ends.map((t: string) => Date.parse(t)));
  return Date.parse(pod.metadata.deletionTimestamp ?? pod.metadata.creationTimestamp ?? '') || 0;
}

/** Not yet counted in the Job's status. */
export function isTracked(pod: KObject): boolean {
  return ((pod.metadata.finalizers as string[] | undefined) ?? []).includes(TRACKING_FINALIZER);
}

/** The Job has counted the pod (or no longer needs to): its finalizer goes. */
export function untrack(pod: KObject): void {
  const rest = ((pod.metadata.finalizers as string[] | undefined) ?? []).filter((f) => f !== TRACKING_FINALIZER);
  if (rest.length) pod.metadata.finalizers = rest;
  else delete pod.metadata.finalizers;
}
