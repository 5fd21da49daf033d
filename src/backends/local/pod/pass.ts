/** What one pod's sync step carries around: the pod, the clock, the events it emits and its bookkeeping. */
import type { KObject } from '../../../api/types';
import type { PodEvent } from '../../backend';
import type { State } from '../../../store/state';
import type { LocalContext } from '../context';
import type { Backoff } from './backoff';
import type { ContainerStatus } from './container-status';
import type { ImageCache } from './images';
import type { ProbeRecord } from './probes';

/** Shared by all pods of one reconcile pass. */
export interface PassCaches {
  images: ImageCache;
  networks: Map<string, Promise<void>>;
  /** The state as the pass read it (ConfigMaps, Secrets, claims, other pods' ports). */
  state: State;
}

/** Per-container bookkeeping kept in status.kctl (Kubernetes keeps it in the kubelet's memory). */
export interface ContainerRecord {
  probes?: ProbeRecord;
  backoff?: Backoff;
  /** The container id whose exit `backoff` was computed for, so a pass never counts one exit twice. */
  backoffFor?: string;
  pullBackoff?: Backoff;
}

export interface PodPass {
  ctx: LocalContext;
  pod: KObject;
  caches: PassCaches;
  now: Date;
  events: PodEvent[];
  records: Record<string, ContainerRecord>;
  /** Last persisted statuses of init and app containers, by name. */
  previous: Map<string, ContainerStatus>;
  /** Asks for another pass no later than `at` (epoch ms). */
  requeue(at: number): void;
  requeueAt?: number;
}

export function newPodPass(ctx: LocalContext, pod: KObject, caches: PassCaches): PodPass {
  const prior: ContainerStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])];
  const pass: PodPass = {
    ctx,
    pod,
    caches,
    now: ctx.now(),
    events: [],
    records: structuredClone(pod.status?.kctl?.containers ?? {}),
    previous: new Map(prior.map((s) => [s.name, s])),
    requeue: (at) => (pass.requeueAt = pass.requeueAt === undefined ? at : Math.min(pass.requeueAt, at)),
  };
  return pass;
}

/** Emits a Warning only when the container's waiting message changes, so retries do not flood the events. */
export function warnOnce(pass: PodPass, container: string, reason: string, message: string, waitingMessage: string): void {
  if (pass.previous.get(container)?.state?.waiting?.message !== waitingMessage) pass.events.push({ type: 'Warning', reason, message });
}
