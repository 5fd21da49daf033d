/**
 * Everything a command needs from the outside world, in one place (GitHub CLI's Factory): streams,
 * environment, clock, the store and the runtime. Tests hand in buffers, a temp state file and the fake runtime.
 */
import type { ContainerRuntime } from '../runtime/runtime';
import type { Store } from '../store/store';
import { interruptSignal } from './interrupts';

export interface Output {
  write(text: string): void;
  /** True when this stream is a terminal (colour, progress lines). */
  isTTY: boolean;
}

export interface GlobalOptions {
  state?: string;
  namespace?: string;
  context?: string;
  verbosity: number;
  /** How long to wait for the state lock: the command's --timeout, when it has one. */
  lockWaitMs?: number;
}

export interface Factory {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now(): Date;
  globals: GlobalOptions;
  /** The namespace a command works in: -n, else "default". */
  namespace(): string;
  statePath(): string;
  store(): Store;
  runtime(): Promise<ContainerRuntime>;
  /** Debug logging to stderr at `-v` level >= level. */
  log(level: number, message: string): void;
  /** Resolves when SIGINT/SIGTERM asks a long command to stop (controller, --watch, logs -f). */
  interrupted: Promise<void>;
}

/** The factory's store: its state path and clock, and the lock wait the command asked for. */
export function openStore(f: Factory): Store {
  const { Store } = require('../store/store') as typeof import('../store/store');
  return new Store(f.statePath(), f.now, f.globals.lockWaitMs);
}

export function streamOutput(stream: NodeJS.WriteStream): Output {
  return { write: (t) => void stream.write(t), isTTY: Boolean(stream.isTTY) };
}

/** `-v N` debug logging: lines at level <= N go to stderr. */
export function debugLog(globals: GlobalOptions, stderr: () => Output): Factory['log'] {
  return (level, message) => {
    if (globals.verbosity >= level) stderr().write(`[kctl] ${message}\n`);
  };
}

/** The factory of a real process. */
export function processFactory(): Factory {
  const globals: GlobalOptions = { verbosity: 0 };
  let store: Store | undefined;
  let runtime: Promise<ContainerRuntime> | undefined;
  const f: Factory = {
    stdout: streamOutput(process.stdout),
    stderr: streamOutput(process.stderr),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    globals,
    namespace: () => globals.namespace || 'default',
    statePath() {
      const { defaultStatePath } = require('../store/store') as typeof import('../store/store');
      const path = require('path') as typeof import('path');
      return globals.state ? path.resolve(f.cwd, globals.state) : defaultStatePath(f.env);
    },
    store() {
      if (!store) {
        store = openStore(f);
        f.log(6, `state file ${store.path}`);
      }
      return store;
    },
    runtime() {
      const { connectDocker } = require('../runtime/docker/connect') as typeof import('../runtime/docker/connect');
      runtime ??= connectDocker(f.env, globals.context);
      return runtime;
    },
    log: debugLog(globals, () => f.stderr),
    interrupted: interruptSignal(),
  };
  return f;
}
