/**
 * The e2e harness's Kctl (the built bin/kctl, a temp state file), optionally pointed at another engine
 * (DOCKER_HOST), plus reading the state file directly, as another process would.
 */
import * as fs from 'fs';
import { Kctl } from '../../e2e/harness';

export class EngineKctl extends Kctl {
  constructor(
    prefix: string,
    private readonly dockerHost?: string,
  ) {
    super(prefix);
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return super.env(this.dockerHost ? { DOCKER_HOST: this.dockerHost, ...extra } : extra);
  }

  /** The objects of the state file (it must be valid JSON), by kind. */
  objects(kind: string): any[] {
    const state = JSON.parse(fs.readFileSync(this.statePath, 'utf8'));
    return Object.values(state.objects as Record<string, any>).filter((o) => o.kind === kind);
  }
}

/** Waits for a spawned kctl to end; resolves with its exit code (a signal counts as 128 + its number). */
export function exited(child: import('child_process').ChildProcess): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15), stdout, stderr }));
  });
}
