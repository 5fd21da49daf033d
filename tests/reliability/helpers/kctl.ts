/**
 * The e2e harness's Kctl (the built bin/kctl, a temp state file), optionally on a private engine: its
 * DOCKER_HOST, and run inside its network namespace, where the ports kctl publishes are. Plus reading the
 * state file directly, as another process would.
 */
import { execFile, spawn, type ChildProcess, type ChildProcessByStdio } from 'child_process';
import type { Readable } from 'stream';
import * as fs from 'fs';
import * as path from 'path';
import { Kctl, ROOT, type Run } from '../../e2e/harness';
import type { PrivateEngine } from './private-engine';

const BIN = path.join(ROOT, 'bin/kctl');

export class EngineKctl extends Kctl {
  constructor(
    prefix: string,
    private readonly engine?: PrivateEngine,
  ) {
    super(prefix);
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return super.env(this.engine ? { DOCKER_HOST: this.engine.host, ...extra } : extra);
  }

  run(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Run> {
    if (!this.engine) return super.run(args, opts);
    const [command, argv] = this.engine.netnsCommand(process.execPath, [BIN, ...args]);
    return new Promise((resolve) => {
      const child = execFile(command, argv, { cwd: this.dir, env: this.env(opts.env), timeout: opts.timeoutMs ?? 180_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
      });
      if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
    });
  }

  spawn(args: string[]): ChildProcessByStdio<null, Readable, Readable> {
    if (!this.engine) return super.spawn(args);
    const [command, argv] = this.engine.netnsCommand(process.execPath, [BIN, ...args]);
    return spawn(command, argv, { cwd: this.dir, env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** The objects of the state file (it must be valid JSON), by kind. */
  objects(kind: string): any[] {
    const state = JSON.parse(fs.readFileSync(this.statePath, 'utf8'));
    return Object.values(state.objects as Record<string, any>).filter((o) => o.kind === kind);
  }
}

/** Waits for a spawned kctl to end; resolves with its exit code (a signal counts as 128 + its number). */
export function exited(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15), stdout, stderr }));
  });
}
