/**
 * `kctl cp [NS/]POD:PATH LOCAL` and `kctl cp LOCAL [NS/]POD:PATH [-c C]`: files through `tar` run in the
 * container, as kubectl does it (the image needs a tar). From a pod, the archive's entries under PATH land
 * under LOCAL, and an entry that would land outside LOCAL (`..`, an absolute path) or a link is skipped with
 * kubectl's warning, never written (the CVE-2019-1002101 class). To a pod, LOCAL is archived under PATH's
 * base name and extracted in PATH's directory.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import type { Factory } from '../app/factory';
import { KctlError, UsageError } from '../errors';
import type { TarFile } from '../util/tar';
import { execTarget } from './exec';

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

export async function runCp(f: Factory, src: string, dest: string, opts: { container?: string }): Promise<void> {
  const from = fileSpec(src);
  const to = fileSpec(dest);
  if (from.pod && to.pod) throw new UsageError('one of src or dest must be a local file specification');
  if (!from.pod && !to.pod) throw new UsageError('one of src or dest must be a remote file specification');
  if (from.pod) await copyFromPod(f, from, path.resolve(f.cwd, to.file), opts.container);
  else await copyToPod(f, path.resolve(f.cwd, from.file), to, opts.container);
}

/** kubectl's file spec: `[[namespace/]pod:]path`. */
function fileSpec(arg: string): FileSpec {
  const colon = arg.indexOf(':');
  if (colon === -1) return { file: arg };
  const pieces = arg.slice(0, colon).split('/');
  const file = arg.slice(colon + 1);
  if (pieces.length > 2 || pieces.some((p) => p === '') || file === '') throw new UsageError('filespec must match the canonical format: [[namespace/]pod:]file/path');
  return pieces.length === 2 ? { namespace: pieces[0], pod: pieces[1], file } : { pod: pieces[0], file };
}

async function copyFromPod(f: Factory, from: FileSpec, dest: string, container: string | undefined): Promise<void> {
  const { backend, container: target } = await execTarget(f, from.namespace ?? f.namespace(), from.pod!, container);
  const chunks: Buffer[] = [];
  const result = await backend.exec(target, ['tar', 'cf', '-', from.file], {
    onOutput: (stream, chunk) => (stream === 'stdout' ? chunks.push(chunk) : f.stderr.write(chunk.toString('utf8'))),
  });
  if (result.stderr) f.stderr.write(result.stderr);
  if (result.exitCode !== 0) throw new KctlError(`command terminated with exit code ${result.exitCode}`, result.exitCode);
  const { readTar } = require('../util/untar') as typeof import('../util/untar');
  extract(f, readTar(Buffer.concat([...chunks, Buffer.from(result.stdout, 'binary')])), tarPrefix(from.file), dest);
}

/** The name tar gives PATH in its archive: without the leading slashes and dots, as tar strips them. */
function tarPrefix(file: string): string {
  return path.posix.normalize(file).replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
}

/** Writes each entry under `dest`; one outside it, a link or a device is skipped with kubectl's warning. */
export function extract(f: Factory, entries: import('../util/untar').TarEntry[], prefix: string, dest: string): void {
  const root = path.resolve(dest);
  for (const entry of entries) {
    const name = entry.path.replace(/\/+$/, '');
    const rel = name === prefix ? '' : prefix && name.startsWith(`${prefix}/`) ? name.slice(prefix.length + 1) : prefix ? undefined : name;
    if (rel === undefined) continue; // not under the path asked for
    const target = path.resolve(root, rel);
    if (target !== root && !target.startsWith(root + path.sep)) {
      f.stderr.write(`warning: file "${target}" is outside target destination, skipping\n`);
      continue;
    }
    if (entry.type === 'symlink' || entry.type === 'hardlink') {
      f.stderr.write(`warning: skipping symlink: "${target}" -> "${entry.linkTarget}"\n`);
      continue;
    }
    if (entry.type === 'directory') fs.mkdirSync(target, { recursive: true, mode: entry.mode || 0o755 });
    else if (entry.type === 'file') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, entry.content, { mode: entry.mode & 0o777 });
    }
  }
}

async function copyToPod(f: Factory, src: string, to: FileSpec, container: string | undefined): Promise<void> {
  if (!fs.existsSync(src)) throw new KctlError(`${src} doesn't exist in local filesystem`);
  const { backend, container: target } = await execTarget(f, to.namespace ?? f.namespace(), to.pod!, container);
  const destFile = path.posix.normalize(to.file);
  const base = path.posix.basename(destFile);
  const { tarball } = require('../util/tar') as typeof import('../util/tar');
  const archive = tarball(localFiles(src, base));
  const command = ['tar', '-xmf', '-'];
  const dir = path.posix.dirname(destFile);
  if (dir !== '.') command.push('-C', dir);
  const result = await backend.exec(target, command, { stdin: Readable.from([archive]), onOutput: (stream, chunk) => (stream === 'stdout' ? f.stdout : f.stderr).write(chunk.toString('utf8')) });
  f.stdout.write(result.stdout);
  f.stderr.write(result.stderr);
  if (result.exitCode !== 0) throw new KctlError(`command terminated with exit code ${result.exitCode}`, result.exitCode);
}

/** A local file, or a directory with everything in it, as archive entries under `name`; links are left out. */
function localFiles(src: string, name: string): TarFile[] {
  const stat = fs.lstatSync(src);
  if (stat.isFile()) return [{ path: name, content: fs.readFileSync(src), mode: stat.mode & 0o777 }];
  if (!stat.isDirectory()) return [];
  const entries: TarFile[] = [{ path: name, content: Buffer.alloc(0), mode: stat.mode & 0o777, directory: true }];
  for (const child of fs.readdirSync(src).sort()) entries.push(...localFiles(path.join(src, child), `${name}/${child}`));
  return entries;
}
