/**
 * The pod backend: the seam between kctl's object controllers, which are pure over the state, and the world the
 * pods run in. One backend does the per-host work of every pod (today the local Docker engine, backends/local/;
 * a Swarm backend later) and answers what the commands need to see of that world, so neither the reconciler nor
 * the commands talk to a container runtime themselves.
 */
import type { Readable } from 'stream';
import type { KObject } from '../api/types';
import type { AttachOptions, ExecOptions, ExecResult, LogOptions } from '../runtime/runtime';

export interface PodEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** What one pass did for one Pod: the status and events to persist, and when to look again. */
export interface PodOutcome {
  /** The Pod is gone from the world and can be removed from the state. */
  remove?: boolean;
  status?: any;
  events: PodEvent[];
  requeueAfterMs?: number;
}

export interface PodsSynced {
  /** The Pods of the state this pass brought the world to, and each one's outcome at the same index. */
  pods: KObject[];
  outcomes: PodOutcome[];
  /** The work that follows the pods, run once their outcomes are written (the Services inside the pods' networks). */
  finish(): Promise<void>;
}

/** One container of a pod as the world runs it now (or ran it before), for logs and exec. */
export interface PodContainer {
  id: string;
  running: boolean;
}

export interface Usage {
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodUsage extends Usage {
  containers: Record<string, Usage>;
}

/** Changes in the world, for the controller process: each asks for a pass. */
export interface WorldWatch {
  onChange(): void;
  /** The watch was lost and is back: changes were missed meanwhile. */
  onReconnect(): void;
  log(line: string): void;
}

export interface WorldWatcher {
  start(): Promise<void>;
  stop(): void;
}

/** What the world holds for the pods of this state file (`kctl state check`). */
export interface WorldPods {
  /** Where they were looked for: `Docker (scope 1a2b3c4d)`. */
  where: string;
  /** The pod uid of every container found, one entry per container. */
  containerPods: string[];
}

export interface Recovered {
  obj: KObject;
  /** How a value was recovered, where that is not obvious (`3 replicas, counted from its pods`). */
  detail?: string;
}

/** The desired state as the world tells it (`kctl state rebuild`). */
export interface Recovery {
  /** In the order to store them: namespaces, Deployments, ReplicaSets, Pods, claims. */
  recovered: Recovered[];
  /** Pods found in the world that could not be recovered, and why. */
  lost: string[];
  /** What it was recovered from: `3 containers and 1 claim volume (scope 1a2b3c4d)`. */
  source: string;
}

export interface PodBackend {
  /** One reconcile pass over the Pods of the state: the world is brought one step closer to each. */
  syncPods(): Promise<PodsSynced>;
  /** The pods as the world shows them now (a container killed behind kctl's back shows at once); read-only. */
  observePods(pods: KObject[]): Promise<KObject[]>;
  /** The container running `name` of `pod` now, or the one before it (`previous`); a KctlError when there is none. */
  containerOf(pod: KObject, name: string, previous: boolean): Promise<PodContainer>;
  logs(container: PodContainer, opts: LogOptions): Promise<Readable>;
  exec(container: PodContainer, command: string[], opts: ExecOptions): Promise<ExecResult>;
  /** The container's output from its start until it exits, with stdin fed to it (`kctl run -i`). */
  attach(container: PodContainer, opts: AttachOptions): Promise<void>;
  /** What the running containers of `pods` use now, by pod uid; pods with none running are absent. */
  usage(pods: KObject[]): Promise<Map<string, PodUsage>>;
  watch(watch: WorldWatch): WorldWatcher;
  worldPods(): Promise<WorldPods>;
  recover(): Promise<Recovery>;
}
