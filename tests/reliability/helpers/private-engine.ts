/**
 * A private Docker engine for the engine-fault suite, so that stopping and starting "the engine" never touches
 * the shared one at /var/run/docker.sock that other tests use. Its own socket, data, exec root and pid file
 * under one temp dir; no default bridge and no iptables rules; its networks come from
 * 10.213.0.0/16, a pool the default engine does not use, so no host route can clash. Needs root and dockerd.
 * The test images are copied in from the default engine (docker save | docker load): no registry is needed.
 */
import { execFile, spawn } from 'child_process';
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

  private constructor(readonly dir: string) {
    this.host = `unix://${path.join(dir, 'docker.sock')}`;
    this.docker = new DockerCli(this.host);
  }

  static async create(): Promise<PrivateEngine> {
    const engine = new PrivateEngine(fs.mkdtempSync(path.join(os.tmpdir(), 'kctl-fault-')));
    await engine.start();
    await engine.loadImages();
    return engine;
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
      '--default-address-pool=base=10.213.0.0/16,size=24',
      '--shutdown-timeout=2',
    ];
    const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    fs.closeSync(log);
    for (let i = 0; i < WAIT_TRIES; i++) {
      if (await this.answers()) return;
      if (child.exitCode !== null) break;
      await sleep(WAIT_MS);
    }
    throw new Error(`the private dockerd did not start (needs root and dockerd); its log:\n${this.logTail()}`);
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

  /** Everything goes: containers, the engine, its files. */
  async destroy(): Promise<void> {
    if (this.pid() !== undefined && (await this.answers())) {
      const ids = (await this.docker.run(['ps', '-aq'])).split('\n').filter(Boolean);
      if (ids.length) await this.docker.run(['rm', '-f', '-v', ...ids]);
    }
    await this.stop();
    // dockerd bind-mounts its data root onto itself and may leave that mount behind when it exits.
    const data = path.join(this.dir, 'data');
    if (fs.readFileSync('/proc/mounts', 'utf8').split('\n').some((l) => l.split(' ')[1] === data)) {
      await new Promise<void>((resolve, reject) => execFile('umount', [data], (err) => (err ? reject(err) : resolve())));
    }
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
