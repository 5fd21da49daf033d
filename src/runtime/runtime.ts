/**
 * The container runtime in kctl's own terms. controllers/ talk only to this interface; runtime/docker
 * implements it with dockerode, runtime/fake in memory for unit tests. One contract suite
 * (tests/contract/runtime-contract.ts, run by tests/unit/runtime-fake.test.ts and
 * tests/e2e/runtime-docker.test.ts) keeps the two honest.
 */
import type { Readable } from 'stream';

/** Labels on everything kctl creates, so the actual world can always be listed from Docker itself. */
export const LABEL = {
  managed: 'io.kctl.managed',
  state: 'io.kctl.state', // hash of the state file path: several state files can share one engine
  namespace: 'io.kctl.namespace',
  pod: 'io.kctl.pod',
  podUid: 'io.kctl.pod-uid',
  container: 'io.kctl.container',
  owner: 'io.kctl.owner', // owning ReplicaSet name (empty for bare pods)
  templateHash: 'io.kctl.pod-template-hash',
  version: 'io.kctl.version',
  role: 'io.kctl.role', // "app" | "init" | "sandbox"
  attempt: 'io.kctl.attempt', // 0 for the first run of a container, +1 per restart
  volume: 'io.kctl.volume', // a Docker volume's Kubernetes volume: "emptyDir" (with pod-uid) or "persistentVolumeClaim"
  claim: 'io.kctl.claim', // the uid of the PersistentVolumeClaim a volume backs
} as const;

export interface PortBinding {
  containerPort: number;
  protocol: 'TCP' | 'UDP';
  /** 0 = let the engine choose a free port. */
  hostPort: number;
  hostIP: string;
}

/** Where this host reaches a published port: a binding on all interfaces is reached on loopback. */
export function reachableAddress(hostIP: string | undefined): string {
  if (!hostIP || hostIP === '0.0.0.0') return '127.0.0.1';
  if (hostIP === '::') return '::1';
  return hostIP;
}

export interface Mount {
  type: 'bind' | 'volume' | 'tmpfs';
  source: string; // host path or volume name ('' for tmpfs)
  target: string;
  readOnly?: boolean;
  /** type 'volume' only: mount this directory of the volume (Docker's VolumeOptions.Subpath, engine API 1.45+); only when supportsVolumeSubPath() says so. */
  subPath?: string;
}

export interface VolumeOptions {
  /** Back the volume by memory (Kubernetes' emptyDir medium: Memory): the local driver's tmpfs. */
  tmpfs?: { sizeBytes?: number };
}

export interface ContainerSpec {
  name: string;
  image: string;
  labels: Record<string, string>;
  command?: string[]; // entrypoint override (Kubernetes `command`)
  args?: string[]; // cmd override (Kubernetes `args`)
  env?: Record<string, string>;
  workingDir?: string;
  /** `container:<id>`: share that container's process namespace (an ephemeral container's --target). */
  pidMode?: string;
  /** Network to join (with aliases), or `container:<id>` to share another container's network. */
  network?: string;
  networkAliases?: string[];
  hostname?: string;
  ports?: PortBinding[];
  mounts?: Mount[];
  memoryBytes?: number;
  nanoCpus?: number;
  user?: string;
  readOnlyRootfs?: boolean;
  capAdd?: string[];
  capDrop?: string[];
  privileged?: boolean;
  /** Docker's --security-opt: `no-new-privileges`, `seccomp=unconfined`, `seccomp=<profile JSON>`. */
  securityOpt?: string[];
  /** Supplementary groups of the container's process (supplementalGroups, fsGroup). */
  groupAdd?: string[];
  stopSignal?: string;
  /** Keep the process's stdin open for an attach (Kubernetes' stdin); closed when that first attach's input ends with stdinOnce. */
  stdin?: boolean;
  stdinOnce?: boolean;
  /** A terminal for the process: its output is one raw stream instead of stdout and stderr. */
  tty?: boolean;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  status: ContainerStatus;
  exitCode?: number;
  oomKilled?: boolean;
  /** ISO timestamps; undefined when never started/finished. */
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** IP on the namespace network. */
  ip?: string;
  /** Published ports: container port -> host port on hostIP. */
  ports: PortBinding[];
  error?: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  stdin?: Readable;
  tty?: boolean;
  timeoutMs?: number;
  /**
   * Streams output as it arrives (kctl exec) instead of collecting it: what is handed here is left out of the
   * result. A runtime that cannot stream ignores it and returns the output collected.
   */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
}

export interface AttachOptions {
  /** Fed to the container's stdin (it must have been created with stdin); its end closes that stdin with stdinOnce. */
  stdin?: Readable;
  /** The container has a TTY: everything it prints arrives as stdout. */
  tty?: boolean;
  /** Everything the container prints from its start, what it printed before the attach included, as it arrives. */
  onOutput: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
  /** Stops the attach early (the user pressed Ctrl-C); the container runs on. */
  signal?: AbortSignal;
}

export interface RuntimeEvent {
  containerId: string;
  action: string; // create, start, die, destroy, kill, oom, ...
  labels: Record<string, string>;
}

export interface ContainerStats {
  /** CPU used, in cores (1.0 = one full core), averaged over the sample. */
  cpuCores: number;
  memoryBytes: number;
}

export interface LogOptions {
  follow?: boolean;
  tail?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
}

export interface RuntimeInfo {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
}

/** The machine the engine runs on, as `docker info` describes it: what `kctl get nodes` shows. */
export interface HostInfo {
  name: string;
  cpus: number;
  memoryBytes: number;
  operatingSystem: string;
  kernelVersion: string;
}

export interface ContainerRuntime {
  info(): Promise<RuntimeInfo>;
  host(): Promise<HostInfo>;

  /** Containers whose labels include all of `labels` (running or not). */
  listContainers(labels: Record<string, string>): Promise<ContainerInfo[]>;
  inspectContainer(id: string): Promise<ContainerInfo | undefined>;
  createContainer(spec: ContainerSpec): Promise<string>;
  startContainer(id: string): Promise<void>;
  /** SIGTERM (or the image's stop signal), then SIGKILL after `graceSeconds`. */
  stopContainer(id: string, graceSeconds: number): Promise<void>;
  removeContainer(id: string): Promise<void>;

  imageExists(image: string): Promise<boolean>;
  /** The user a local image runs as (its USER: `""` is root), for runAsNonRoot; undefined when it is not here. */
  imageUser(image: string): Promise<string | undefined>;
  /** Throws RuntimeError with the engine's message when the image cannot be pulled. */
  pullImage(image: string): Promise<void>;

  ensureNetwork(name: string, labels: Record<string, string>): Promise<void>;
  removeNetwork(name: string): Promise<void>;
  listNetworks(labels: Record<string, string>): Promise<string[]>;
  ensureVolume(name: string, labels: Record<string, string>, options?: VolumeOptions): Promise<void>;
  removeVolume(name: string): Promise<void>;
  listVolumes(labels: Record<string, string>): Promise<string[]>;

  exec(id: string, cmd: string[], opts?: ExecOptions): Promise<ExecResult>;
  logs(id: string, opts: LogOptions): Promise<Readable>;
  /**
   * `kubectl attach` / `docker start -a`: streams the output of a started container from its beginning until its
   * process exits (at once for one that already has), feeding it `stdin`. Resolves when the output has ended or
   * `signal` aborted; the exit code is the container's (inspectContainer), as for any other exit.
   */
  attach(id: string, opts: AttachOptions): Promise<void>;
  stats(id: string): Promise<ContainerStats>;
  /** Events for containers carrying `labels`, until the returned function is called. */
  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void, onError: (e: Error) => void): Promise<() => void>;
  /** True when Mount.subPath is honoured (engine API 1.45+); absent or false: kctl refuses such mounts rather than mount a whole volume. */
  supportsVolumeSubPath?(): Promise<boolean>;
  /** Copy files into a container before it starts (used for the pod sandbox's pause executable). */
  putFiles?(id: string, dir: string, files: { path: string; content: Buffer; mode: number }[]): Promise<void>;
}

/** A failure reported by the engine for one operation (not an unreachable engine). */
export class RuntimeError extends Error {
  constructor(message: string, readonly statusCode?: number) {
    super(message);
    this.name = 'RuntimeError';
  }
}
