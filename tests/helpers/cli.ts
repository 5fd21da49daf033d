/**
 * Runs kctl in-process as a command line (GitHub CLI's runCommand): a temp state file, the fake runtime
 * (or a real one), captured stdout/stderr, and the exit code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { main } from '../../src/cli/main';
import { debugLog, openStore, type Factory, type GlobalOptions } from '../../src/app/factory';
import type { ContainerRuntime } from '../../src/runtime/runtime';
import { defaultStatePath, type Store } from '../../src/store/store';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { tempDir } from './temp-dir';

export { tempDir };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  statePath: string;
  runtime: ContainerRuntime;
  cwd: string;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  /** Resolves when the command is to be interrupted (Ctrl-C); by default never. */
  interrupted?: Promise<void>;
  /** stderr is a terminal (progress lines are drawn); by default it is not. */
  stderrIsTTY?: boolean;
}

export type FakeCliEnv = CliEnv & { runtime: FakeRuntime; write(name: string, text: string): void; remove(name: string): void };

/** The usual in-process setup: a temp directory (removed after the test) holding `files`, its own state file, and the fake runtime. */
export function fakeCliEnv(files: Record<string, string> = {}, opts: { now?: () => Date; env?: NodeJS.ProcessEnv } = {}): FakeCliEnv {
  const dir = tempDir();
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  const remove = (name: string) => fs.rmSync(path.join(dir, name));
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(opts.now ? { now: opts.now } : undefined), cwd: dir, now: opts.now, env: opts.env, write, remove };
}

/** The moment a clocked test world starts at. */
export const T0 = Date.parse('2026-01-01T00:00:00Z');

export type ClockedCliEnv = FakeCliEnv & {
  /** Moves the clock (the fake runtime's too) to T0 + ms. */
  setTime(ms: number): void;
  /** One reconcile pass at T0 + ms; it must succeed and say nothing. */
  passAt(ms: number): Promise<void>;
};

/** fakeCliEnv on a clock the test moves, for controllers tested pass by pass (back-off, probes, drains). */
export function clockedCliEnv(files: Record<string, string> = {}): ClockedCliEnv {
  let clock = T0;
  const env = fakeCliEnv(files, { now: () => new Date(clock) });
  const setTime = (ms: number) => void (clock = T0 + ms);
  const passAt = async (ms: number) => {
    setTime(ms);
    expect(await runCli('reconcile --wait=false', { ...env, env: { KCTL_DEBUG: '1' } })).toMatchObject({ code: 0, stderr: '' });
  };
  return Object.assign(env, { setTime, passAt });
}

export async function runCli(argv: string[] | string, env: CliEnv, stdin = ''): Promise<CliResult> {
  const args = typeof argv === 'string' ? splitArgs(argv) : argv;
  let stdout = '';
  let stderr = '';
  const globals: GlobalOptions = { verbosity: 0 };
  const processEnv = { KCTL_STATE: env.statePath, ...env.env };
  let store: Store | undefined;
  const f: Factory = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: env.stderrIsTTY ?? false },
    stdin: Readable.from([stdin]),
    env: processEnv,
    cwd: env.cwd,
    now: env.now ?? (() => new Date()),
    globals,
    namespace: () => globals.namespace || 'default',
    statePath: () => (globals.state ? path.resolve(env.cwd, globals.state) : defaultStatePath(processEnv)),
    store: () => (store ??= openStore(f)),
    runtime: async () => env.runtime,
    log: debugLog(globals, () => f.stderr),
    interrupted: env.interrupted ?? new Promise(() => undefined),
  };
  const code = await main(args, f);
  return { code, stdout, stderr };
}

/** Splits a command line like a shell: spaces separate, single and double quotes group (and are removed). */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let quote: string | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur ??= '';
    } else if (/\s/.test(ch)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + ch;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}
