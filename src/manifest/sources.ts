/**
 * Resolves -f arguments (files, directories, `-` for stdin) to texts, refusing what cannot be a manifest:
 * more bytes than the size cap (counted as read: /dev/zero has no size), binary data (NUL bytes), invalid
 * UTF-8, and in a directory anything that is not a regular file (a FIFO, a device behind a symlink, a socket),
 * refused before it is opened. A path given by name may be a pipe, as `-f <(helm template ...)` makes one.
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
  const files: { file: string; inDirectory: boolean }[] = [];
  for (const p of paths) {
    if (p === '-') files.push({ file: p, inDirectory: false });
    else files.push(...(await expandPath(p, opts.cwd, Boolean(opts.recursive))));
  }
  const sources: Source[] = [];
  for (const { file, inDirectory } of files) {
    if (file === '-') sources.push(await readStdin(opts.stdin));
    else sources.push(decode(file, await readFile(file, opts.cwd, inDirectory)));
  }
  return sources;
}

/** A file as given, or the manifest files of a directory in sorted order (kubectl's filepath.Walk order). */
async function expandPath(typed: string, cwd: string, recursive: boolean): Promise<{ file: string; inDirectory: boolean }[]> {
  if (/^https?:\/\//i.test(typed)) throw new UsageError(`cannot read "${typed}": kctl reads manifests from local files and stdin only`);
  const stat = await fs.promises.stat(path.resolve(cwd, typed)).catch(() => undefined);
  if (!stat) throw new UsageError(`the path "${typed}" does not exist`);
  if (!stat.isDirectory()) return [{ file: typed, inDirectory: false }];
  const out: { file: string; inDirectory: boolean }[] = [];
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
        out.push({ file: child, inDirectory: true });
      }
    }
  };
  await walk(typed);
  return out;
}

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.promises.stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

async function readFile(file: string, cwd: string, inDirectory: boolean): Promise<Buffer | string> {
  const abs = path.resolve(cwd, file);
  let handle: fs.promises.FileHandle | undefined;
  try {
    const before = await fs.promises.stat(abs);
    if (inDirectory && !before.isFile()) return notRegular(before);
    if (before.isFile() && before.size > MAX_FILE_BYTES) return tooLarge(before.size);
    // Non-blocking: a FIFO swapped in since the check must not hang kctl waiting for a writer.
    handle = await fs.promises.open(abs, fs.constants.O_RDONLY | (inDirectory ? fs.constants.O_NONBLOCK : 0));
    const opened = await handle.stat();
    if (inDirectory && !opened.isFile()) return notRegular(opened);
    return await readCapped(handle);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' ? 'permission denied' : `cannot read file: ${(e as Error).message}`;
  } finally {
    await handle?.close();
  }
}

/** At most MAX_FILE_BYTES, counted as read: a device or a pipe has no size to check first. */
async function readCapped(handle: fs.promises.FileHandle): Promise<Buffer | string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks);
    size += bytesRead;
    if (size > MAX_FILE_BYTES) return tooLarge(size, true);
    chunks.push(buffer.subarray(0, bytesRead));
  }
}

function notRegular(stat: fs.Stats): string {
  const type = stat.isFIFO() ? 'a FIFO' : stat.isCharacterDevice() ? 'a character device' : stat.isBlockDevice() ? 'a block device' : stat.isSocket() ? 'a socket' : 'not a file';
  return `not a regular file (${type}); a directory's manifests must be regular files`;
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
