/**
 * An in-memory ContainerRuntime for unit tests of controllers: deterministic (ids, ports and addresses come
 * from counters, times from the injected clock) and answering with Docker's status codes and messages. A
 * container made with stdin runs its program once an attach's input has ended (attach hands it that input). The
 * contract suite (tests/contract) runs against it and against real Docker so the two cannot drift apart.
 * Tests drive the world with crash(), oomKill(), lateOomKill(), setImageUser(), removeBehindBack(), disconnectBehindBack(), setImageMissing(), failPull(),
 * setExecResult(), setStats() and setUnreachable(), and read `calls` and `emitted`.
 */
import { createHash } from 'crypto';
import { PassThrough, Readable } from 'stream';
import { DockerUnreachableError } from '../../errors';
import {
  RuntimeError,
  type AttachOptions,
  type ContainerInfo,
  type ContainerRuntime,
  type ContainerSpec,
  type ContainerStats,
  type ExecResult,
  type LogOptions,
  type PortBinding,
  type RuntimeEvent,
  type HostInfo,
  type RuntimeInfo,
} from '../runtime';
import { runProgram } from './program';

/** The first port the engine hands out for hostPort 0 (Docker's ephemeral range starts here). */
const FIRST_EPHEMERAL_PORT = 32768;
/** Exit code of a stopped container: the project's images trap SIGTERM and exit 0. */
const STOPPED_EXIT_CODE = 0;
/** What the kernel's OOM killer leaves: SIGKILL. */
const KILLED_EXIT_CODE = 137;
const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none', 'default']);

export type ExecMatcher = string | RegExp | ((argv: string[], container: ContainerInfo) => boolean);

interface LogLine {
  time: Date;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** An attach in progress: it is handed every line printed and told when the process exits. */
interface Attached {
  line(l: LogLine): void;
  exited(): void;
}

interface FakeContainer {
  info: ContainerInfo;
  spec: ContainerSpec;
  logs: LogLine[];
  files: Map<string, Buffer>;
  /** Open `logs --follow` readers and how each renders a line; ended when the container stops. */
  followers: Map<PassThrough, (line: LogLine) => string>;
  attached: Set<Attached>;
  /** A container made with stdin runs its program once the input of its first attach has ended (the fake does not interleave input and output). */
  awaitsStdin: boolean;
}

interface Subscriber {
  labels: Record<string, string>;
  onEvent: (e: RuntimeEvent) => void;
}

export class FakeRuntime implements ContainerRuntime {
  now: () => Date;
  /** How often each operation was asked for. */
  readonly calls = { creates: 0, starts: 0, stops: 0, removes: 0, pulls: 0, execs: 0 };
  /** The grace period of every stopContainer call, in order. */
  readonly stopGraces: number[] = [];
  /** Every event, in order, whether anyone listened or not. */
  readonly emitted: RuntimeEvent[] = [];

  private readonly containers = new Map<string, FakeContainer>();
  private readonly networks = new Map<string, { id: string; labels: Record<string, string> }>();
  private readonly volumes = new Map<string, Record<string, string>>();
  private readonly missingImages = new Set<string>();
  private readonly imageUsers = new Map<string, string>();
  private readonly pullFailures = new Map<string, string>();
  private readonly execResults: { matcher: ExecMatcher; result: Partial<ExecResult> }[] = [];
  private readonly statsById = new Map<string, ContainerStats>();
  private readonly subscribers = new Set<Subscriber>();
  private sequence = 0;
  private addresses = 0;
  private unreachable = false;
  private readonly startFailures: Error[] = [];

  constructor(opts: { now?: () => Date } = {}) {
    this.now = opts.now ?? (() => new Date());
  }

  // ---- the world, as tests arrange it ----

  /** The container's process exits by itself with `exitCode`. */
  crash(id: string, exitCode: number): void {
    this.exit(this.mustFind(id), exitCode);
  }

  /** The kernel kills the container's process for exceeding its memory limit. */
  oomKill(id: string): void {
    const c = this.mustFind(id);
    this.emit(c, 'oom');
    this.exit(c, KILLED_EXIT_CODE, true);
  }

  /**
   * The kernel kills the process for its memory, but the engine learns of it only after the exit (Docker 20.10
   * on a busy host): the container exits 137 unflagged, and calling the answer flags it as OOM-killed.
   */
  lateOomKill(id: string): () => void {
    const c = this.mustFind(id);
    this.exit(c, KILLED_EXIT_CODE);
    return () => {
      c.info.oomKilled = true;
      this.emit(c, 'oom');
    };
  }

  /** Someone else (`docker rm -f`) removes the container. */
  removeBehindBack(id: string): void {
    this.destroy(this.mustFind(id));
  }

  /** Someone else (`docker network disconnect -f`) cuts the running container off its network. */
  disconnectBehindBack(id: string): void {
    Object.assign(this.mustFind(id).info, { ip: undefined, ports: [] });
  }

  setImageMissing(image: string): void {
    this.missingImages.add(normalizeImage(image));
  }

  /** Pulling `image` fails with the engine's `message`. */
  failPull(image: string, message: string): void {
    this.pullFailures.set(normalizeImage(image), message);
  }

  /** exec of a matching command answers `result` (the latest matching setting wins); a string matches argv joined by spaces. */
  setExecResult(matcher: ExecMatcher, result: Partial<ExecResult>): void {
    this.execResults.unshift({ matcher, result });
  }

  setStats(id: string, stats: ContainerStats): void {
    this.statsById.set(this.mustFind(id).info.id, stats);
  }

  /** While on, every operation rejects as it does when the engine is down. */
  setUnreachable(on: boolean): void {
    this.unreachable = on;
  }

  /** The next starts fail with these errors, one each, leaving their containers created (an engine stopping mid-start). */
  failNextStarts(...errors: Error[]): void {
    this.startFailures.push(...errors);
  }

  // ---- ContainerRuntime ----

  async info(): Promise<RuntimeInfo> {
    this.guard();
    return { version: 'fake', apiVersion: '1.41', os: 'linux', arch: 'amd64' };
  }

  async host(): Promise<HostInfo> {
    this.guard();
    return { name: 'fake-host', cpus: 2, memoryBytes: 8 * 1024 ** 3, operatingSystem: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0-fake' };
  }

  async listContainers(labels: Record<string, string>): Promise<ContainerInfo[]> {
    this.guard();
    // Newest first, as the engine lists them.
    return [...this.containers.values()]
      .reverse()
      .filter((c) => hasLabels(c.info.labels, labels))
      .map((c) => snapshot(c.info));
  }

  async inspectContainer(id: string): Promise<ContainerInfo | undefined> {
    this.guard();
    const c = this.find(id);
    return c && snapshot(c.info);
  }

  async createContainer(spec: ContainerSpec): Promise<string> {
    this.guard();
    this.calls.creates++;
    const image = normalizeImage(spec.image);
    if (this.missingImages.has(image)) throw new RuntimeError(`No such image: ${image}`, 404);
    const name = spec.name || `fake_${this.sequence + 1}`;
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
      throw new RuntimeError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
    }
    const taken = [...this.containers.values()].find((c) => c.info.name === name);
    if (taken) {
      throw new RuntimeError(
        `Conflict. The container name "/${name}" is already in use by container "${taken.info.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        409,
      );
    }
    const network = spec.network;
    if (network && !network.startsWith('container:') && !BUILTIN_NETWORKS.has(network) && !this.networks.has(network)) {
      throw new RuntimeError(`network ${network} not found`, 404);
    }
    const id = hexId(`container-${++this.sequence}`);
    const info: ContainerInfo = {
      id,
      name,
      image: spec.image,
      labels: { ...spec.labels },
      status: 'created',
      createdAt: this.now().toISOString(),
      ports: [],
    };
    this.containers.set(id, { info, spec, logs: [], files: new Map(), followers: new Map(), attached: new Set(), awaitsStdin: false });
    this.emit(this.containers.get(id)!, 'create');
    return id;
  }

  async startContainer(id: string): Promise<void> {
    this.guard();
    this.calls.starts++;
    const c = this.mustExist(id);
    if (c.info.status === 'running') return; // 304 on Docker
    const failure = this.startFailures.shift();
    if (failure) throw failure;
    const ports = this.allocatePorts(c);
    Object.assign(c.info, {
      status: 'running',
      startedAt: this.now().toISOString(),
      finishedAt: undefined,
      exitCode: undefined,
      oomKilled: undefined,
      error: undefined,
      ports,
      ip: this.address(c.spec.network),
    });
    this.emit(c, 'start');
    c.awaitsStdin = Boolean(c.spec.stdin);
    if (!c.awaitsStdin) this.runProgram(c, '');
  }

  private runProgram(c: FakeContainer, stdin: string): void {
    const outcome = runProgram([...(c.spec.command ?? []), ...(c.spec.args ?? [])], (p) => c.files.get(p), stdin);
    this.log(c, outcome.stdout, 'stdout');
    this.log(c, outcome.stderr, 'stderr');
    if (outcome.exitCode !== undefined) this.exit(c, outcome.exitCode);
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    this.guard();
    this.calls.stops++;
    this.stopGraces.push(graceSeconds);
    const c = this.mustExist(id);
    if (c.info.status !== 'running') return; // 304 on Docker
    this.emit(c, 'kill');
    this.exit(c, STOPPED_EXIT_CODE);
    this.emit(c, 'stop');
  }

  async removeContainer(id: string): Promise<void> {
    this.guard();
    this.calls.removes++;
    const c = this.find(id);
    if (c) this.destroy(c);
  }

  async imageExists(image: string): Promise<boolean> {
    this.guard();
    return !this.missingImages.has(normalizeImage(image));
  }

  async imageUser(image: string): Promise<string | undefined> {
    this.guard();
    return this.missingImages.has(normalizeImage(image)) ? undefined : (this.imageUsers.get(normalizeImage(image)) ?? '');
  }

  /** The image's USER, as its Dockerfile set it (the default, `""`, is root). */
  setImageUser(image: string, user: string): void {
    this.imageUsers.set(normalizeImage(image), user);
  }

  async pullImage(image: string): Promise<void> {
    this.guard();
    this.calls.pulls++;
    const failure = this.pullFailures.get(normalizeImage(image));
    if (failure !== undefined) throw new RuntimeError(failure, 500);
    this.missingImages.delete(normalizeImage(image));
  }

  async ensureNetwork(name: string, labels: Record<string, string>): Promise<void> {
    this.guard();
    if (!this.networks.has(name)) this.networks.set(name, { id: hexId(`network-${name}`), labels: { ...labels } });
  }

  async removeNetwork(name: string): Promise<void> {
    this.guard();
    const network = this.networks.get(name);
    if (!network) return;
    if ([...this.containers.values()].some((c) => c.info.status === 'running' && c.spec.network === name)) {
      throw new RuntimeError(`error while removing network: network ${name} id ${network.id} has active endpoints`, 403);
    }
    this.networks.delete(name);
  }

  async listNetworks(labels: Record<string, string>): Promise<string[]> {
    this.guard();
    return [...this.networks].filter(([, n]) => hasLabels(n.labels, labels)).map(([name]) => name);
  }

  async ensureVolume(name: string, labels: Record<string, string>): Promise<void> {
    this.guard();
    if (!this.volumes.has(name)) this.volumes.set(name, { ...labels });
  }

  async removeVolume(name: string): Promise<void> {
    this.guard();
    if (!this.volumes.has(name)) return;
    const users = [...this.containers.values()].filter((c) => c.spec.mounts?.some((m) => m.type === 'volume' && m.source === name));
    if (users.length) throw new RuntimeError(`remove ${name}: volume is in use - [${users.map((c) => c.info.id).join(', ')}]`, 409);
    this.volumes.delete(name);
  }

  async listVolumes(labels: Record<string, string>): Promise<string[]> {
    this.guard();
    return [...this.volumes].filter(([, l]) => hasLabels(l, labels)).map(([name]) => name);
  }

  /** Answers from setExecResult(), else from the modelled shell (see program.ts); stdin and timeouts are not modelled. */
  async exec(id: string, cmd: string[]): Promise<ExecResult> {
    this.guard();
    this.calls.execs++;
    const c = this.mustExist(id);
    if (c.info.status !== 'running') throw new RuntimeError(`Container ${c.info.id} is not running`, 409);
    const info = snapshot(c.info);
    const set = this.execResults.find(({ matcher }) => matches(matcher, cmd, info));
    if (set) return { exitCode: 0, stdout: '', stderr: '', ...set.result };
    const outcome = runProgram(cmd, (p) => c.files.get(p));
    return { exitCode: outcome.exitCode ?? 0, stdout: outcome.stdout, stderr: outcome.stderr };
  }

  async logs(id: string, opts: LogOptions): Promise<Readable> {
    this.guard();
    const c = this.mustExist(id);
    const since = opts.sinceSeconds ? this.now().getTime() - opts.sinceSeconds * 1000 : -Infinity;
    let lines = c.logs.filter((l) => l.time.getTime() >= since);
    if (opts.tail !== undefined) lines = opts.tail > 0 ? lines.slice(-opts.tail) : [];
    const render = (l: LogLine) => (opts.timestamps ? `${l.time.toISOString()} ${l.text}` : l.text);
    const text = lines.map(render).join('');
    if (!opts.follow || c.info.status !== 'running') return Readable.from(text ? [text] : []);
    const follower = new PassThrough({ encoding: 'utf8' });
    follower.write(text);
    c.followers.set(follower, render);
    follower.on('close', () => c.followers.delete(follower));
    return follower;
  }

  async attach(id: string, opts: AttachOptions): Promise<void> {
    this.guard();
    const c = this.mustExist(id);
    const send = (l: LogLine) => opts.onOutput(opts.tty ? 'stdout' : l.stream, Buffer.from(l.text));
    c.logs.forEach(send);
    if (c.info.status !== 'running') return;
    let attached!: Attached;
    const exited = new Promise<void>((resolve) => {
      attached = { line: send, exited: resolve };
      c.attached.add(attached);
      if (opts.signal?.aborted) resolve();
      opts.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    try {
      if (opts.stdin && c.awaitsStdin) {
        const input = await readText(opts.stdin);
        if (c.info.status === 'running' && c.awaitsStdin) {
          c.awaitsStdin = false;
          this.runProgram(c, input);
        }
      }
      await exited;
    } finally {
      c.attached.delete(attached);
    }
  }

  async stats(id: string): Promise<ContainerStats> {
    this.guard();
    const c = this.mustExist(id);
    return this.statsById.get(c.info.id) ?? { cpuCores: 0, memoryBytes: 0 };
  }

  async events(
    labels: Record<string, string>,
    onEvent: (e: RuntimeEvent) => void,
    _onError: (e: Error) => void,
  ): Promise<() => void> {
    this.guard();
    const subscriber = { labels, onEvent };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  async putFiles(id: string, dir: string, files: { path: string; content: Buffer; mode: number }[]): Promise<void> {
    this.guard();
    const c = this.mustExist(id);
    for (const f of files) c.files.set(`${dir.replace(/\/+$/, '')}/${f.path.replace(/^\/+/, '')}`, f.content);
  }

  // ---- internals ----

  private guard(): void {
    if (this.unreachable) {
      throw new DockerUnreachableError(
        'cannot connect to the Docker engine at unix:///var/run/docker.sock: connect ENOENT /var/run/docker.sock',
      );
    }
  }

  /** By id, name or unique id prefix, as the engine resolves them. */
  private find(ref: string): FakeContainer | undefined {
    const exact = this.containers.get(ref);
    if (exact) return exact;
    const all = [...this.containers.values()];
    const byName = all.find((c) => c.info.name === ref);
    if (byName) return byName;
    const byPrefix = all.filter((c) => c.info.id.startsWith(ref));
    return byPrefix.length === 1 ? byPrefix[0] : undefined;
  }

  private mustExist(ref: string): FakeContainer {
    const c = this.find(ref);
    if (!c) throw new RuntimeError(`No such container: ${ref}`, 404);
    return c;
  }

  /** For the test-facing methods: a wrong id is a bug in the test. */
  private mustFind(ref: string): FakeContainer {
    const c = this.find(ref);
    if (!c) throw new Error(`FakeRuntime: no container ${ref}`);
    return c;
  }

  private exit(c: FakeContainer, exitCode: number, oomKilled = false): void {
    if (c.info.status !== 'running') throw new Error(`FakeRuntime: container ${c.info.name} is not running`);
    const finishedAt = this.now().toISOString();
    Object.assign(c.info, { status: 'exited', exitCode, oomKilled: oomKilled || undefined, finishedAt, ports: [], ip: undefined });
    c.followers.forEach((_render, follower) => follower.end());
    c.attached.forEach((a) => a.exited());
    this.emit(c, 'die');
  }

  private destroy(c: FakeContainer): void {
    if (c.info.status === 'running') {
      this.emit(c, 'kill');
      this.exit(c, KILLED_EXIT_CODE);
    }
    this.containers.delete(c.info.id);
    this.statsById.delete(c.info.id);
    this.emit(c, 'destroy');
  }

  private log(c: FakeContainer, output: string, stream: LogLine['stream']): void {
    const time = this.now();
    for (const text of output.split(/(?<=\n)/)) {
      if (!text) continue;
      const line = { time, stream, text };
      c.logs.push(line);
      for (const [follower, render] of c.followers) follower.write(render(line));
      c.attached.forEach((a) => a.line(line));
    }
  }

  /** Host ports for a starting container: explicit ones must be free on their address, 0 takes the lowest free. */
  private allocatePorts(c: FakeContainer): PortBinding[] {
    const used = new Set<string>();
    for (const other of this.containers.values()) {
      if (other.info.status === 'running') other.info.ports.forEach((p) => used.add(`${p.hostIP}:${p.hostPort}`));
    }
    const ports: PortBinding[] = [];
    for (const p of c.spec.ports ?? []) {
      let hostPort = p.hostPort;
      if (hostPort === 0) {
        hostPort = FIRST_EPHEMERAL_PORT;
        while (used.has(`${p.hostIP}:${hostPort}`)) hostPort++;
      } else if (used.has(`${p.hostIP}:${hostPort}`)) {
        const message = `driver failed programming external connectivity on endpoint ${c.info.name} (${hexId(`endpoint-${c.info.id}`)}): Bind for ${p.hostIP}:${hostPort} failed: port is already allocated`;
        c.info.error = message;
        throw new RuntimeError(message, 500);
      }
      used.add(`${p.hostIP}:${hostPort}`);
      ports.push({ ...p, hostPort });
    }
    return ports;
  }

  /** A fresh address on the container's network; none when it shares another container's network or has none. */
  private address(network: string | undefined): string | undefined {
    if (network === 'none' || network === 'host' || network?.startsWith('container:')) return undefined;
    const n = ++this.addresses;
    return `10.88.${Math.floor(n / 250)}.${(n % 250) + 2}`;
  }

  private emit(c: FakeContainer, action: string): void {
    const event: RuntimeEvent = { containerId: c.info.id, action, labels: { ...c.info.labels } };
    this.emitted.push(event);
    // Delivered asynchronously, as the engine's are: a handler may call back into the runtime.
    for (const s of this.subscribers) {
      if (hasLabels(event.labels, s.labels)) queueMicrotask(() => this.subscribers.has(s) && s.onEvent(event));
    }
  }
}

/** A copy, so callers cannot change the world by editing what they were given. */
function snapshot(info: ContainerInfo): ContainerInfo {
  return { ...info, labels: { ...info.labels }, ports: info.ports.map((p) => ({ ...p })) };
}

function hasLabels(have: Record<string, string>, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => have[k] === v);
}

function matches(matcher: ExecMatcher, argv: string[], container: ContainerInfo): boolean {
  if (typeof matcher === 'function') return matcher(argv, container);
  return typeof matcher === 'string' ? matcher === argv.join(' ') : matcher.test(argv.join(' '));
}

/** `name` and `name:latest` are the same image to the engine. */
function normalizeImage(image: string): string {
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  return lastSegment.includes(':') || image.includes('@') ? image : `${image}:latest`;
}

async function readText(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

function hexId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}
