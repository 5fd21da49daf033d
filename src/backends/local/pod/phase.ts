/** Pod phase and conditions, derived from container statuses as the kubelet does. */
import type { KObject, Condition } from '../../../api/types';
import type { ContainerStatus } from './container-status';

export interface InitProgress {
  /** Every init container exited 0 (or the pod has none). */
  done: boolean;
  /** One failed and restartPolicy Never will not run it again: the pod failed. */
  failed: boolean;
}

export function podPhase(pod: KObject, init: InitProgress, statuses: ContainerStatus[]): string {
  if (init.failed) return 'Failed';
  if (!init.done || statuses.length === 0) return 'Pending';
  const policy = pod.spec.restartPolicy ?? 'Always';
  const terminated = statuses.map((s) => s.state.terminated).filter(Boolean);
  if (policy !== 'Always' && terminated.length === statuses.length) {
    if (terminated.every((t: any) => t.exitCode === 0)) return 'Succeeded';
    // OnFailure: the failed containers are restarted (the kubelet's getPhase), the pod has not failed.
    return policy === 'OnFailure' ? 'Running' : 'Failed';
  }
  if (statuses.some((s) => s.state.running || s.restartCount > 0 || s.state.terminated)) return 'Running';
  return 'Pending';
}

/** The four conditions; lastTransitionTime moves only when a status flips. */
export function podConditions(previous: Condition[] | undefined, facts: { initialized: boolean; ready: boolean }, now: Date): Condition[] {
  const want: Record<string, boolean> = { Initialized: facts.initialized, Ready: facts.ready, ContainersReady: facts.ready, PodScheduled: true };
  return Object.entries(want).map(([type, ok]) => transition(previous, type, ok ? 'True' : 'False', now));
}

/** A pod the scheduler could not place: PodScheduled False, Unschedulable, with why. */
export function unschedulableConditions(previous: Condition[] | undefined, message: string, now: Date): Condition[] {
  const old = previous?.find((c) => c.type === 'PodScheduled');
  const at = old?.status === 'False' ? old.lastTransitionTime : now.toISOString();
  return [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: at }];
}

function transition(previous: Condition[] | undefined, type: string, status: 'True' | 'False', now: Date): Condition {
  const old = previous?.find((c) => c.type === type);
  if (old && old.status === status && !old.reason) return old;
  return { type, status, lastTransitionTime: old?.status === status ? old.lastTransitionTime : now.toISOString() };
}
