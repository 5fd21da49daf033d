/**
 * How many pods this host runs at most. Kubernetes accepts any replica count (1e9 included) and its kubelet
 * runs at most maxPods (110) per node; kctl keeps the same split: the count is accepted, and pods are made
 * only while the host has room, so neither Docker nor the state file grows without bound. Beyond the room a
 * pod's creation is refused the way a quota refuses it (FailedCreate, ReplicaFailure), and waiting commands
 * stop with the reason. KCTL_MAX_PODS sets the room.
 */
import { UsageError } from '../../errors';
import { isPodActive } from '../../api/pod-status';
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';

export const DEFAULT_MAX_PODS = 500;

export interface HostLimits {
  maxPods: number;
}

export const DEFAULT_LIMITS: HostLimits = { maxPods: DEFAULT_MAX_PODS };

export function hostLimits(env: NodeJS.ProcessEnv): HostLimits {
  const raw = env.KCTL_MAX_PODS;
  if (raw === undefined || raw === '') return DEFAULT_LIMITS;
  if (!/^[1-9][0-9]*$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new UsageError(`KCTL_MAX_PODS must be a positive whole number of pods, not "${raw}"`);
  return { maxPods: Number(raw) };
}

/** How many more pods the host has room for now (pods of every namespace count). */
export function podRoom(state: State, limits: HostLimits): number {
  return Math.max(0, limits.maxPods - state.list('Pod').filter(isPodActive).length);
}

/** The refusal of a pod for which there is no room, worded as an API quota refusal. */
export function noRoomFor(pod: KObject, limits: HostLimits): string {
  return `pods "${pod.metadata.name}" is forbidden: exceeded this host's pod capacity: limited: pods=${limits.maxPods} (KCTL_MAX_PODS)`;
}
