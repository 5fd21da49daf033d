/** Pod phase and the Ready condition, derived from container statuses as the kubelet does. */
import type { KObject, Condition } from '../../api/types';
import type { ContainerStatus } from './container-status';

export function podPhase(pod: KObject, statuses: ContainerStatus[]): string {
  if (statuses.length === 0) return 'Pending';
  const policy = pod.spec.restartPolicy ?? 'Always';
  const terminated = statuses.map((s) => s.state.terminated).filter(Boolean);
  if (policy !== 'Always' && terminated.length === statuses.length) {
    return terminated.every((t: any) => t.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  if (statuses.some((s) => s.state.running || s.restartCount > 0 || s.state.terminated)) return 'Running';
  return 'Pending';
}

/** Conditions with Ready updated; lastTransitionTime moves only when the status flips. */
export function readyCondition(previous: Condition[] | undefined, ready: boolean, now: Date): Condition[] {
  const status = ready ? 'True' : 'False';
  const at = now.toISOString();
  const types = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  return types.map((type) => {
    const old = previous?.find((c) => c.type === type);
    const want = type === 'Ready' || type === 'ContainersReady' ? status : 'True';
    if (old && old.status === want) return old;
    return { type, status: want, lastTransitionTime: at };
  });
}
