/**
 * ContainerRuntime on a Docker engine, through dockerode. Every method rejects with DockerUnreachableError when
 * the engine cannot be reached and with RuntimeError (the engine's message and HTTP status) when it refuses.
 */
import type Dockerode from 'dockerode';
import type { Duplex, Readable } from 'stream';
import type {
  AttachOptions,
  ExecOptions,
  VolumeOptions,
  ContainerInfo,
  ContainerRuntime,
  ContainerSpec,
  ContainerStats,
  ExecResult,
  HostInfo,
  LogOptions,
  RuntimeEvent,
  RuntimeInfo,
} from '../runtime';
import { RuntimeError } from '../runtime';
import { DockerUnreachableError } from '../../errors';
import { askVersion, openClient, type Client } from './client';
import { createOptions } from './container-config';
import { containerInfo, oomUnconfirmed } from './container-info';
import type { Endpoint } from './endpoint';
import { engineCall, engineError, ignoreStatus } from './errors';
import { FrameParser, mergedText } from './frames';
import { onJsonLines } from './json-lines';
import { mapLimit } from '../../util/map-limit';
import { containerStats, hasPrevious, type StatsSample } from './stats';
import { tarball } from '../../util/tar';
import { sleep } from '../../util/sleep';

/** Inspections in flight while listing: enough to list 100 containers quickly without flooding the engine. */
const INSPECT_CONCURRENCY = 8;
/** Container lifecycle actions; exec_* and health_status events would only wake a controller for nothing. */
const LIFECYCLE_ACTIONS = ['create', 'start', 'restart', 'stop', 'kill', 'die', 'oom', 'destroy', 'pause', 'unpause', 'rename'];
/** Attributes Docker mixes into an event's labels that are not labels. */
const EVENT_ATTRIBUTES = new Set(['name', 'image', 'exitCode', 'signal']);
/** How long after a container's exit the engine's OOM notice may still be on its way. */
const OOM_NOTICE_MS = 10_000;
/** Without a previous reading, stats are sampled twice this far apart. */
const STATS_INTERVAL_MS = 500;

export class DockerRuntime implements ContainerRuntime {
  private client?: Promise<Client>;
  /** Whether the engine logged an OOM kill of a finished container, where that answer can no longer change. */
  private readonly settledOom = new Map<string, boolean>();

  constructor(readonly endpoint: Endpoint) {}

  /** The client, connected and version-negotiated on first use; retried on the next call after a failure. */
  private connect(): Promise<Client> {
    if (!this.client) {
      const client = openClient(this.endpoint);
      this.client = client;
      client.catch(() => {
        if (this.client === client) this.client = undefined;
      });
    }
    return this.client;
  }

  private async call<T>(op: (docker: Dockerode) => Promise<T>): Promise<T> {
    try {
      return await engineCall(this.endpoint.url, async () => op((await this.connect()).docker));
    } catch (e) {
      if (e instanceof RuntimeError && (e.statusCode ?? 0) >= 500) await this.throwIfGone();
      throw e;
    }
  }

  /**
   * An engine that is shutting down fails the requests it is still serving with 500s ("transport is closing"
   * from containerd) after it has closed its API: when a ping then finds nobody there, the failure is the
   * engine's going away (exit 7, retried when it is back), not a fault of the container asked for.
   */
  private async throwIfGone(): Promise<void> {
    try {
      await engineCall(this.endpoint.url, () => askVersion(this.endpoint));
    } catch (e) {
      if (e instanceof DockerUnreachableError) throw e;
    }
  }

  async info(): Promise<RuntimeInfo> {
    return engineCall(this.endpoint.url, async () => (await this.connect()).engine);
  }

  async host(): Promise<HostInfo> {
    const info = await this.call((d) => d.info());
    return { name: info.Name, cpus: info.NCPU, memoryBytes: info.MemTotal, operatingSystem: info.OperatingSystem, kernelVersion: info.KernelVersion };
  }

  async listContainers(labels: Record<string, string>): Promise<ContainerInfo[]> {
    const found = await this.call((d) => d.listContainers({ all: true, filters: { label: labelFilter(labels) } }));
    // The list lacks exit codes, times, OOM and addresses; a container removed meanwhile inspects as undefined.
    const infos = await mapLimit(found, INSPECT_CONCURRENCY, (c) => this.inspectContainer(c.Id));
    return infos.filter((c): c is ContainerInfo => c !== undefined);
  }

  async inspectContainer(id: string): Promise<ContainerInfo | undefined> {
    return this.call(async (d) => {
      const raw = await d.getContainer(id).inspect();
      const info = containerInfo(raw);
      if (oomUnconfirmed(raw)) info.oomKilled = (await this.oomLogged(d, raw)) || undefined;
      return info;
    }).catch(ignoreStatus(404));
  }

  /**
   * loggedOom, asked once per container once the answer is final: old containers killed by kctl itself (a
   * stop past its grace period is a 137 too) would otherwise query the event history on every pass.
   */
  private async oomLogged(d: Dockerode, c: Dockerode.ContainerInspectInfo): Promise<boolean> {
    const known = this.settledOom.get(c.Id);
    if (known !== undefined) return known;
    const seen = await loggedOom(d, c);
    // The engine's late OOM notice trails the exit by moments: past this, no event means none is coming.
    if (seen || Date.now() - Date.parse(c.State.FinishedAt) > OOM_NOTICE_MS) this.settledOom.set(c.Id, seen);
    return seen;
  }

  async createContainer(spec: ContainerSpec): Promise<string> {
    const container = await this.call((d) => d.createContainer(createOptions(spec)));
    return container.id;
  }

  async startContainer(id: string): Promise<void> {
    await this.call((d) => d.getContainer(id).start()).catch(ignoreStatus(304)); // 304: already running
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    await this.call((d) => d.getContainer(id).stop({ t: graceSeconds })).catch(ignoreStatus(304)); // 304: not running
  }

  async removeContainer(id: string): Promise<void> {
    // 404: already gone; 409 (with force): another removal of it is in progress.
    await this.call((d) => d.getContainer(id).remove({ force: true, v: true })).catch(ignoreStatus(404, 409));
  }

  async imageExists(image: string): Promise<boolean> {
    return this.call((d) => d.getImage(image).inspect()).then(
      () => true,
      (e) => ignoreStatus(404)(e) ?? false,
    );
  }

  async imageUser(image: string): Promise<string | undefined> {
    return this.call((d) => d.getImage(image).inspect()).then(
      (i) => i.Config?.User ?? '',
      (e) => ignoreStatus(404)(e),
    );
  }

  async pullImage(image: string): Promise<void> {
    await this.call(async (d) => {
      const progress = (await d.pull(image)) as Readable;
      // A failure can also arrive mid-stream, as an {"error": ...} line after a 200.
      await new Promise<void>((resolve, reject) => {
        let failure: string | undefined;
        onJsonLines(progress, (line) => {
          if (typeof line.error === 'string') failure ??= line.error;
        });
        progress.on('end', () => (failure ? reject(new RuntimeError(failure)) : resolve()));
        progress.on('error', reject);
      });
    });
  }

  async ensureNetwork(name: string, labels: Record<string, string>): Promise<void> {
    // CheckDuplicate makes a second create (another process, a race) a 409 instead of a second same-named network.
    await this.call((d) => d.createNetwork({ Name: name, Driver: 'bridge', Labels: labels, CheckDuplicate: true })).catch(
      ignoreStatus(409),
    );
  }

  async removeNetwork(name: string): Promise<void> {
    await this.call((d) => d.getNetwork(name).remove()).catch(ignoreStatus(404));
  }

  async listNetworks(labels: Record<string, string>): Promise<string[]> {
    const networks = await this.call((d) => d.listNetworks({ filters: { label: labelFilter(labels) } }));
    return networks.map((n) => n.Name);
  }

  async ensureVolume(name: string, labels: Record<string, string>, options?: VolumeOptions): Promise<void> {
    // emptyDir medium Memory: the local driver mounts a tmpfs (size-limited when sizeLimit is set).
    const tmpfs = options?.tmpfs ? { Driver: 'local', DriverOpts: { type: 'tmpfs', device: 'tmpfs', ...(options.tmpfs.sizeBytes ? { o: `size=${options.tmpfs.sizeBytes}` } : {}) } } : {};
    await this.call((d) => d.createVolume({ Name: name, Labels: labels, ...tmpfs })).catch(ignoreStatus(409));
  }

  /** Docker's VolumeOptions.Subpath arrived with engine API 1.45. */
  async supportsVolumeSubPath(): Promise<boolean> {
    const [major, minor] = (await this.info()).apiVersion.split('.').map(Number);
    return major > 1 || (major === 1 && minor >= 45);
  }

  async removeVolume(name: string): Promise<void> {
    await this.call((d) => d.getVolume(name).remove()).catch(ignoreStatus(404));
  }

  async listVolumes(labels: Record<string, string>): Promise<string[]> {
    const answer = await this.call((d) => d.listVolumes({ filters: { label: labelFilter(labels) } }));
    return (answer.Volumes ?? []).map((v) => v.Name);
  }

  async exec(id: string, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const tty = Boolean(opts.tty);
    const withStdin = opts.stdin !== undefined;
    return this.call(async (d) => {
      const exec = await d.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, AttachStdin: withStdin, Tty: tty });
      // stdin needs the hijacked (raw, two-way) connection; without it the answer is an ordinary response stream.
      const stream = (await exec.start({ hijack: withStdin, stdin: withStdin, Detach: false, Tty: tty })) as Readable;
      if (opts.stdin) opts.stdin.pipe(stream as unknown as NodeJS.WritableStream);
      const output = await collectOutput(stream, tty, opts.timeoutMs, opts.onOutput);
      return { exitCode: await exitCodeOf(exec), ...output };
    });
  }

  async logs(id: string, opts: LogOptions): Promise<Readable> {
    const query = {
      stdout: true,
      stderr: true,
      follow: Boolean(opts.follow),
      tail: opts.tail ?? 'all',
      timestamps: Boolean(opts.timestamps),
      since: opts.sinceSeconds ? Math.floor(Date.now() / 1000) - opts.sinceSeconds : 0,
    };
    return this.call(async (d) => {
      // dockerode answers a Buffer without follow, a live stream with it.
      const raw = (await d.getContainer(id).logs(query as Dockerode.ContainerLogsOptions & { follow: false })) as Buffer | Readable;
      const text = mergedText();
      if (Buffer.isBuffer(raw)) return text.end(raw);
      raw.on('error', (e) => text.destroy(engineError(e, this.endpoint.url) as Error));
      text.on('close', () => raw.destroy()); // the reader stopped early: hang up on the engine
      return raw.pipe(text);
    });
  }

  async attach(id: string, opts: AttachOptions): Promise<void> {
    await this.call(async (d) => {
      const container = d.getContainer(id);
      // The output comes from the log, which also holds what the process printed before this attach (a quick
      // process may be done by now); stdin goes through an attach of its own, whose end closes it (StdinOnce).
      const input = opts.stdin ? ((await container.attach({ stream: true, stdin: true, stdout: false, stderr: false, hijack: true })) as Duplex) : undefined;
      const output = (await container.logs({ follow: true, stdout: true, stderr: true })) as unknown as Readable;
      if (input) {
        input.resume(); // nothing comes back on it
        opts.stdin!.pipe(input);
      }
      try {
        await new Promise<void>((resolve, reject) => {
          const parser = new FrameParser(opts.onOutput);
          output.on('data', (chunk: Buffer) => (opts.tty ? opts.onOutput('stdout', chunk) : parser.push(chunk)));
          output.on('end', resolve);
          output.on('close', resolve);
          output.on('error', (e) => reject(engineError(e, this.endpoint.url)));
          if (opts.signal?.aborted) resolve();
          opts.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
      } finally {
        if (input) opts.stdin!.unpipe(input);
        input?.destroy();
        output.destroy();
      }
    });
  }

  async stats(id: string): Promise<ContainerStats> {
    return this.call(async (d) => {
      const container = d.getContainer(id);
      // one-shot (API 1.41+) answers at once but without the previous reading; older engines ignore it and wait.
      const sample = () => container.stats({ stream: false, 'one-shot': true } as { stream: false }) as Promise<StatsSample>;
      const first = await sample();
      if (hasPrevious(first) || !first.cpu_stats.system_cpu_usage) return containerStats(first); // not running: zeros
      await sleep(STATS_INTERVAL_MS);
      return containerStats(await sample(), first.cpu_stats);
    });
  }

  async events(
    labels: Record<string, string>,
    onEvent: (e: RuntimeEvent) => void,
    onError: (e: Error) => void,
  ): Promise<() => void> {
    const filters = { type: ['container' as const], event: LIFECYCLE_ACTIONS, label: labelFilter(labels) };
    const stream = (await this.call((d) => d.getEvents({ filters }))) as Readable;
    let stopped = false;
    onJsonLines(stream, (e) => onEvent(runtimeEvent(e)));
    stream.on('error', (e) => {
      if (!stopped) onError(engineError(e, this.endpoint.url) as Error);
    });
    stream.on('end', () => {
      if (!stopped) onError(new RuntimeError('the engine closed the event stream'));
    });
    return () => {
      stopped = true;
      stream.destroy();
    };
  }

  async putFiles(id: string, dir: string, files: { path: string; content: Buffer; mode: number }[]): Promise<void> {
    // Extracted at / with full paths: `dir` need not exist yet (the engine creates missing parents).
    const base = dir.replace(/^\/+|\/+$/g, '');
    const archive = tarball(files.map((f) => ({ ...f, path: [base, f.path.replace(/^\/+/, '')].filter(Boolean).join('/') })));
    await this.call((d) => d.getContainer(id).putArchive(archive, { path: '/' }));
  }
}

function labelFilter(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

function runtimeEvent(e: Record<string, unknown>): RuntimeEvent {
  const actor = (e.Actor ?? {}) as { ID?: string; Attributes?: Record<string, string> };
  const labels = Object.fromEntries(Object.entries(actor.Attributes ?? {}).filter(([k]) => !EVENT_ATTRIBUTES.has(k)));
  return { containerId: actor.ID ?? String(e.id ?? ''), action: String(e.Action ?? e.status ?? ''), labels };
}

/** Whether the engine logged an `oom` event for the container since it was created (its event history, not a live stream). */
async function loggedOom(d: Dockerode, c: Dockerode.ContainerInspectInfo): Promise<boolean> {
  const since = Math.floor(Date.parse(c.Created) / 1000);
  const until = Math.max(since, Date.now() / 1000);
  const stream = (await d.getEvents({ since, until, filters: { container: [c.Id], event: ['oom'] } })) as Readable;
  return new Promise((resolve, reject) => {
    let seen = false;
    onJsonLines(stream, () => (seen = true));
    stream.on('end', () => resolve(seen));
    stream.on('error', reject);
  });
}

/** Reads an exec's output to its end: demultiplexed, or raw (all stdout) with a TTY. */
function collectOutput(stream: Readable, tty: boolean, timeoutMs?: number, onOutput?: ExecOptions['onOutput']): Promise<{ stdout: string; stderr: string }> {
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  const take = (kind: 'stdout' | 'stderr', payload: Buffer) => (onOutput ? onOutput(kind, payload) : chunks[kind].push(payload));
  const parser = new FrameParser(take);
  return new Promise((resolve, reject) => {
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            stream.destroy();
            reject(new RuntimeError(`command timed out after ${timeoutMs}ms`));
          }, timeoutMs);
    stream.on('data', (chunk: Buffer) => (tty ? take('stdout', chunk) : parser.push(chunk)));
    stream.on('end', () => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') });
    });
    stream.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** The exit code; the engine may close the output a moment before it records the code, so wait (bounded) for it. */
async function exitCodeOf(exec: Dockerode.Exec): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const state = await exec.inspect();
    if (!state.Running && state.ExitCode !== null) return state.ExitCode;
    await sleep(20);
  }
  throw new RuntimeError('the engine did not report the exit code of the command');
}
