/**
 * A private Docker engine for the engine-fault suite, so that stopping and starting "the engine" never touches
 * the shared one at /var/run/docker.sock that other tests use: its own socket, data, exec root and pid file
 * under one temp dir, and its own network namespace (`ip netns add`, entered with nsenter). The namespace matters: a second dockerd in
 * the host's namespace deletes the host's docker0 bridge when it starts with --bridge=none (and when it
 * restarts with --default-address-pool), which breaks the shared engine's default network. kctl runs in that
 * namespace too (netnsCommand), where the ports it publishes on 127.0.0.1 are. Needs root, dockerd, ip and nsenter.
 * The test images are copied in from the default engine (docker save | docker load): no registry is needed.
 */
import { execFile, execFileSync, spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerCli } from './docker-cli';

const IMAGES = ['kctl-demo/web:v1', 'kctl-demo/web:v2', 'kctl-test/busybox:latest'];
const WAIT_TRIES = 120;
const WAIT_MS = 250;

export class PrivateEngine {
  readonly host: string;
  readonly docker: DockerCli;

  private constructor(
    readonly dir: string,
    /** The network namespace the engine and its containers live in. */
    readonly netns: string,
  ) {
    this.host = `unix://${path.join(dir, 'docker.sock')}`;
    this.docker = new DockerCli(this.host);
  }

  static async create(): Promise<PrivateEngine> {
    const netns = `kctl-fault-${randomBytes(4).toString('hex')}`;
    const engine = new PrivateEngine(fs.mkdtempSync(path.join(os.tmpdir(), `${netns}-`)), netns);
    await run('ip', ['netns', 'add', netns]);
    await run(...engine.netnsCommand('ip', ['link', 'set', 'lo', 'up']));
    await engine.start();
    await engine.loadImages();
    return engine;
  }

  /** `command args` as run inside the engine's network namespace (only that: `ip netns exec` would remount /sys). */
  netnsCommand(command: string, args: string[]): [string, string[]] {
    return ['nsenter', [`--net=/run/netns/${this.netns}`, command, ...args]];
  }

  private get pidFile(): string {
    return path.join(this.dir, 'docker.pid');
  }

  /** The engine's pid while it runs (its pid file is removed when it stops cleanly). */
  pid(): number | undefined {
    try {
      return Number(fs.readFileSync(this.pidFile, 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  }

  async start(): Promise<void> {
    const log = fs.openSync(path.join(this.dir, 'dockerd.log'), 'a');
    const args = [
      `--host=${this.host}`,
      `--data-root=${path.join(this.dir, 'data')}`,
      `--exec-root=${path.join(this.dir, 'exec')}`,
      `--pidfile=${this.pidFile}`,
      '--bridge=none',
      '--iptables=false',
      '--ip-masq=false',
      '--shutdown-timeout=2',
    ];
    const [command, argv] = this.netnsCommand('dockerd', args);
    const child = spawn(command, argv, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    fs.closeSync(log);
    for (let i = 0; i < WAIT_TRIES; i++) {
      if (await this.answers()) return;
      if (child.exitCode !== null) break;
      await sleep(WAIT_MS);
    }
    throw new Error(`the private dockerd did not start (needs root, dockerd, ip and nsenter); its log:\n${this.logTail()}`);
  }

  /** Starts the engine unless it answers: a test that failed while it was stopped leaves the next ones an engine. */
  async ensureRunning(): Promise<void> {
    if (!(await this.answers())) await this.start();
  }

  /** SIGTERM, as `systemctl stop docker` does: the engine stops its containers and exits. */
  async stop(): Promise<void> {
    const pid = this.pid();
    if (pid === undefined) return;
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < WAIT_TRIES * 2; i++) {
      if (!alive(pid)) return;
      await sleep(WAIT_MS);
    }
    throw new Error(`the private dockerd (pid ${pid}) did not stop`);
  }

  /** Everything goes: containers, the engine, its network namespace, its files. */
  async destroy(): Promise<void> {
    if (this.pid() !== undefined && (await this.answers())) {
      const ids = (await this.docker.run(['ps', '-aq'])).split('\n').filter(Boolean);
      if (ids.length) await this.docker.run(['rm', '-f', '-v', ...ids]);
    }
    await this.stop();
    killLeftoverShims(this.dir);
    await run('ip', ['netns', 'del', this.netns]);
    // dockerd bind-mounts its data root onto itself and may leave that mount behind when it exits.
    const data = path.join(this.dir, 'data');
    if (fs.readFileSync('/proc/mounts', 'utf8').split('\n').some((l) => l.split(' ')[1] === data)) await run('umount', [data]);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    return this.docker.run(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 5000 }).then(
      () => true,
      () => false,
    );
  }

  private async loadImages(): Promise<void> {
    const tar = path.join(this.dir, 'images.tar');
    await new DockerCli().run(['save', '-o', tar, ...IMAGES]);
    await this.docker.run(['load', '-i', tar]);
    fs.rmSync(tar);
  }

  private logTail(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'dockerd.log'), 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

/**
 * A stop in the middle of a container start can leave its containerd shim (and the container's process) running
 * after the engine is gone: they are found by the engine's exec root in their command line and killed.
 */
function killLeftoverShims(dir: string): void {
  let pids: number[];
  try {
    pids = execFileSync('pgrep', ['-f', `${dir}/exec/`], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return; // pgrep exits 1 when nothing matches
  }
  for (const pid of pids) {
    spawnSync('pkill', ['-KILL', '-P', String(pid)]);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => execFile(command, args, (err, _out, stderr) => (err ? reject(new Error(`${command} ${args.join(' ')}: ${stderr || err.message}`)) : resolve())));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
