/**
 * When a command waiting on a Pod may stop. Pods stuck in a state only the user can fix (an image that cannot
 * be had, a crash loop, a missing ConfigMap) end the wait early with a clear failure instead of running into
 * --timeout; the Deployment verdict (deployment/converged.ts) asks the same of its pods.
 */
import type { KObject } from '../../api/types';
import { RolloutFailedError } from '../../errors';
import { isPodReady } from '../../api/pod-status';
import type { Verdict } from '../results';

/** Waiting reasons a container does not get out of without a change from the user (also kctl debug's). */
export const STUCK_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'InvalidImageName']);

/** Pods count as converged when Ready, or finished for run-to-completion pods; with !needReady only stuck ones fail. */
export function podConverged(pod: KObject, needReady: boolean): Verdict {
  const ref = `pod/${pod.metadata.name}`;
  const unschedulable = (pod.status?.conditions ?? []).find((c: any) => c.type === 'PodScheduled' && c.status === 'False');
  if (unschedulable) {
    return { done: false, failure: new RolloutFailedError(`${ref} is not ready: ${unschedulable.reason ?? 'Unschedulable'}: ${unschedulable.message ?? ''}`.trimEnd(), `the object was applied and kctl keeps retrying; see \`kctl describe pod ${pod.metadata.name}\``) };
  }
  for (const cs of pod.status?.containerStatuses ?? []) {
    const reason = cs.state?.waiting?.reason;
    if (reason && STUCK_REASONS.has(reason)) {
      return { done: false, failure: new RolloutFailedError(`${ref} is not ready: ${reason}${cs.state.waiting.message ? `: ${cs.state.waiting.message}` : ''}`, `the object was applied and kctl keeps retrying; see \`kctl describe pod ${pod.metadata.name}\``) };
    }
  }
  if (!needReady) return { done: true };
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { done: true };
  return isPodReady(pod) ? { done: true } : { done: false, waitingFor: `waiting for ${ref} to be ready` };
}
