/**
 * e2e harness: runs the built CLI (bin/kctl) as a user would, against the real Docker engine, each test
 * file with its own temp state file, and removes every container/network/volume of that state afterwards.
 * There is no skip: without an engine these tests fail.
 */
import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scopeFor } from '../../src/backends/local/scope';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kctl');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export class Kctl {
  readonly dir: string;
  readonly statePath: string;

  constructor(prefix = 'kctl-e2e-') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.statePath = path.join(this.dir, 'state.json');
  }

  get scopeId(): string {
    return scopeFor(this.statePath).id;
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { ...process.env, KCTL_STATE: this.statePath, NO_COLOR: '1', ...extra };
  }

  /** Runs `kctl <args>` and resolves with its exit code and output (never rejects on a non-zero exit). */
  run(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Run> {
    return new Promise((resolve) => {
      const child = execFile(process.execPath, [BIN, ...args], { cwd: this.dir, env: this.env(opts.env), timeout: opts.timeoutMs ?? 180_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
      });
      if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
    });
  }

  /** Starts kctl without waiting (for crash tests); the caller kills it. */
  spawn(args: string[]) {
    return spawn(process.execPath, [BIN, ...args], { cwd: this.dir, env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
  }

  write(name: string, content: string): string {
    const file = path.join(this.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  /** The containers Docker has for this state file. */
  async containers(): Promise<{ id: string; name: string; image: string; state: string; labels: Record<string, string> }[]> {
    const out = await docker(['ps', '-a', '--filter', `label=io.kctl.state=${this.scopeId}`, '--format', '{{json .}}']);
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .map((c) => ({ id: c.ID, name: c.Names, image: c.Image, state: c.State, labels: Object.fromEntries(String(c.Labels).split(',').filter(Boolean).map((kv: string) => kv.split('=') as [string, string])) }));
  }

  /** Removes this state's Docker objects, and its temp dir even when the engine cannot be reached. */
  async cleanup(): Promise<void> {
    try {
      const ids = (await docker(['ps', '-aq', '--filter', `label=io.kctl.state=${this.scopeId}`])).split('\n').filter(Boolean);
      if (ids.length) await docker(['rm', '-f', '-v', ...ids]);
      const nets = (await docker(['network', 'ls', '-q', '--filter', `label=io.kctl.state=${this.scopeId}`])).split('\n').filter(Boolean);
      if (nets.length) await docker(['network', 'rm', ...nets]).catch(() => '');
      const vols = (await docker(['volume', 'ls', '-q', '--filter', `label=io.kctl.state=${this.scopeId}`])).split('\n').filter(Boolean);
      if (vols.length) await docker(['volume', 'rm', '-f', ...vols]).catch(() => '');
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

export function docker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker', args, { maxBuffer: 64 << 20 }, (err, stdout, stderr) => (err ? reject(new Error(`docker ${args.join(' ')}: ${stderr || err.message}`)) : resolve(String(stdout))));
  });
}

/** Polls `check` every `everyMs` until it returns a value, at most `tries` times (bounded, no timing assertion). */
export async function eventually<T>(check: () => Promise<T | undefined>, tries = 100, everyMs = 200): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met after ${tries} tries${last ? `: ${(last as Error).message}` : ''}`);
}

export function deploymentYaml(name: string, opts: { replicas?: number; image?: string; extra?: string; labels?: string } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${opts.replicas ?? 2}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: ${name}
          image: ${opts.image ?? 'kctl-demo/web:v1'}
          ports:
            - containerPort: 8080
${opts.extra ?? ''}`;
}
