/**
 * kubectl-style plugins: an executable `kctl-foo` (or `kctl-foo-bar`, with `_` for a `-` in a word) on PATH
 * runs as `kctl foo [bar] ARGS...` with kctl's environment, and its exit code is kctl's. The longest name
 * wins; built-in commands cannot be replaced. `kctl plugin list` shows what PATH offers, with kubectl's
 * warnings (not executable, overshadowed, overwrites a built-in).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Factory } from '../app/factory';
import { KctlError } from '../errors';

const PREFIX = 'kctl-';

export interface FoundPlugin {
  path: string;
  /** The arguments after the words the plugin's name took. */
  args: string[];
}

/** The plugin `argv` names (the caller has made sure its first word is no built-in command). */
export function findPlugin(argv: string[], env: NodeJS.ProcessEnv): FoundPlugin | undefined {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  for (let n = words.length; n > 0; n--) {
    const name = PREFIX + words.slice(0, n).map((w) => w.replace(/-/g, '_')).join('-');
    for (const dir of pathDirs(env)) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return { path: candidate, args: argv.slice(n) };
    }
  }
  return undefined;
}

/** Runs the plugin with kctl's streams and environment; resolves with its exit code. */
export function runPlugin(f: Factory, plugin: FoundPlugin): Promise<number> {
  const { spawn } = require('child_process') as typeof import('child_process');
  return new Promise((resolve, reject) => {
    // A real terminal's stdin is handed over as it is; a test's stream is piped in.
    const ownStdin = f.stdin === process.stdin;
    const child = spawn(plugin.path, plugin.args, { env: f.env, cwd: f.cwd, stdio: [ownStdin ? 'inherit' : 'pipe', 'pipe', 'pipe'] });
    if (!ownStdin) {
      child.stdin!.on('error', () => undefined); // EPIPE: the plugin exited without reading its input
      f.stdin.pipe(child.stdin!);
    }
    child.stdout!.on('data', (chunk: Buffer) => f.stdout.write(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => f.stderr.write(chunk.toString()));
    child.on('error', (e) => reject(new KctlError(`running plugin ${plugin.path}: ${e.message}`)));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
  });
}

/** `kctl plugin list [--name-only]`: every kctl-* file on PATH, in PATH order, then kubectl's warnings. */
export function listPlugins(f: Factory, nameOnly: boolean, builtins: Set<string>): void {
  const plugins: string[] = [];
  for (const dir of pathDirs(f.env)) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // PATH may name directories that do not exist
    }
    for (const e of entries) if (e.name.startsWith(PREFIX) && !e.isDirectory()) plugins.push(path.join(dir, e.name));
  }
  const errors: string[] = [];
  if (plugins.length) f.stdout.write('The following compatible plugins are available:\n\n');
  else errors.push('error: unable to find any kctl plugins in your PATH');
  let warnings = 0;
  for (const plugin of plugins) {
    f.stdout.write(`${nameOnly ? path.basename(plugin) : plugin}\n`);
    for (const warning of pluginWarnings(plugin, plugins, builtins)) {
      f.stderr.write(`  - warning: ${warning}\n`);
      warnings++;
    }
  }
  if (warnings) errors.push(warnings === 1 ? 'error: one plugin warning was found' : `error: ${warnings} plugin warnings were found`);
  if (errors.length) throw new KctlError(errors.join('\n'));
}

function pluginWarnings(plugin: string, all: string[], builtins: Set<string>): string[] {
  const warnings: string[] = [];
  const name = path.basename(plugin);
  if (!isExecutableFile(plugin)) warnings.push(`${plugin} identified as a kctl plugin, but it is not executable`);
  const first = all.find((p) => path.basename(p) === name);
  if (first !== plugin) warnings.push(`${plugin} is overshadowed by a similarly named plugin: ${first}`);
  const command = name.slice(PREFIX.length).split('-')[0].replace(/_/g, '-');
  if (builtins.has(command)) warnings.push(`${plugin} overwrites existing command: "kctl ${command}"`);
  return warnings;
}

function pathDirs(env: NodeJS.ProcessEnv): string[] {
  return [...new Set((env.PATH ?? '').split(path.delimiter).filter((d) => d !== ''))];
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
