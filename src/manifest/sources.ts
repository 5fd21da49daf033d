/**
 * Resolves -f arguments (files, directories, `-` for stdin) to texts, refusing what cannot be a manifest:
 * files over the size cap, binary data (NUL bytes) and invalid UTF-8.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';

export interface Source {
  /** As the user typed it (directory entries joined to the typed directory); STDIN for `-`. */
  file: string;
  text?: string;
  /** Why the file cannot be read; `text` is then absent. */
  problem?: string;
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
export const STDIN_NAME = 'STDIN';

export async function readSources(paths: string[], opts: { recursive?: boolean; stdin?: NodeJS.ReadableStream; cwd: string }): Promise<Source[]> {
  const files: string[] = [];
  for (const p of paths) {
    if (p === '-') files.push(p);
    else files.push(...(await expandPath(p, opts.cwd, Boolean(opts.recursive))));
  }
  const sources: Source[] = [];
  for (const f of files) {
    if (f === '-') sources.push(await readStdin(opts.stdin));
    else sources.push(decode(f, await readFile(f, opts.cwd)));
  }
  return sources;
}

/** A file as given, or the manifest files of a directory in sorted order (kubectl's filepath.Walk order). */
async function expandPath(typed: string, cwd: string, recursive: boolean): Promise<string[]> {
  if (/^https?:\/\//i.test(typed)) throw new UsageError(`cannot read "${typed}": kctl reads manifests from local files and stdin only`);
  const stat = await fs.promises.stat(path.resolve(cwd, typed)).catch(() => undefined);
  if (!stat) throw new UsageError(`the path "${typed}" does not exist`);
  if (!stat.isDirectory()) return [typed];
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string) => {
    const real = await fs.promises.realpath(path.resolve(cwd, dir));
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    const entries = await fs.promises.readdir(path.resolve(cwd, dir), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path.resolve(cwd, child))));
      if (isDir) {
        if (recursive) await walk(child);
      } else if (MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        out.push(child);
      }
    }
  };
  await walk(typed);
  return out;
}

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.promises.stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

async function readFile(file: string, cwd: string): Promise<Buffer | string> {
  const abs = path.resolve(cwd, file);
  try {
    const { size } = await fs.promises.stat(abs);
    if (size > MAX_FILE_BYTES) return tooLarge(size);
    return await fs.promises.readFile(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' ? 'permission denied' : `cannot read file: ${(e as Error).message}`;
  }
}

async function readStdin(stdin: NodeJS.ReadableStream | undefined): Promise<Source> {
  if (!stdin) throw new UsageError('reading manifests from stdin ("-f -") is not possible here');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_FILE_BYTES) return { file: STDIN_NAME, problem: tooLarge(size, true) };
    chunks.push(buf);
  }
  return decode(STDIN_NAME, Buffer.concat(chunks));
}

function tooLarge(size: number, atLeast = false): string {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return `file is too large (${atLeast ? 'more than ' + mb(MAX_FILE_BYTES) : mb(size)}; the limit is ${mb(MAX_FILE_BYTES)})`;
}

/** Buffer -> text; a string is a problem found while reading. */
function decode(file: string, data: Buffer | string): Source {
  if (typeof data === 'string') return { file, problem: data };
  const nul = data.indexOf(0);
  if (nul !== -1) return { file, problem: `file is binary (NUL byte at offset ${nul}), not YAML or JSON` };
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    const lossy = data.toString('utf8');
    const bad = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, bad).split('\n');
    return { file, problem: `file is not valid UTF-8 (line ${before.length}, column ${before[before.length - 1].length + 1})` };
  }
}
