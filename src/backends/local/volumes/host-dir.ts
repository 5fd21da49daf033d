/**
 * configMap, secret, downwardAPI and projected volumes are directories kctl writes on the host and
 * bind-mounts read-only: `<state dir>/pods/<scope>/<pod uid>/volumes/<volume>`. The state file beside them
 * already holds the same data, so they get the same protection: every directory on the way is 0700 and only
 * the volume directory itself (the mount root the container sees) is 0755, so that a container running as
 * another user can enter it; files get the mode the volume asks for (Kubernetes' default 0644), which is
 * also the mode the application sees. The scope keeps several state files in one directory apart.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { ProjectedFile } from './projection';
import { ConfigError } from '../../../kinds/pod/config/sources';

const PRIVATE = 0o700;
const MOUNT_ROOT = 0o755;

export function podsRoot(statePath: string, scopeId: string): string {
  return path.join(path.dirname(statePath), 'pods', scopeId);
}

/** Localhost seccomp profiles (`localhostProfile` is relative to it), as the kubelet's /var/lib/kubelet/seccomp. */
export function seccompRoot(statePath: string): string {
  return path.join(path.dirname(statePath), 'seccomp');
}

export function podDir(statePath: string, scopeId: string, uid: string): string {
  return path.join(podsRoot(statePath, scopeId), uid);
}

export function volumeDir(statePath: string, scopeId: string, uid: string, volume: string): string {
  return path.join(podDir(statePath, scopeId, uid), 'volumes', volume);
}

/** Makes `dir` hold exactly `files` (atomic per file, unchanged files untouched). True when it changed. */
export function writeProjection(dir: string, files: ProjectedFile[]): boolean {
  checkPayload(files);
  ensurePrivateParents(path.dirname(dir));
  if (!fs.existsSync(dir)) fs.mkdirSync(dir);
  fs.chmodSync(dir, MOUNT_ROOT);
  let changed = false;
  const wanted = new Set(files.map((f) => path.join(dir, f.path)));
  // Stale files first: one of them may stand where a directory of the new payload goes (`a` before `a/b`).
  for (const stale of filesUnder(dir).filter((p) => !wanted.has(p))) {
    fs.rmSync(stale, { force: true });
    changed = true;
  }
  for (const f of files) {
    const target = path.join(dir, f.path);
    if (sameFile(target, f)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: MOUNT_ROOT });
    // ...and a directory left of an earlier payload where a file goes now (`a/b` before `a`).
    if (fs.lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) fs.rmSync(target, { recursive: true });
    const tmp = path.join(path.dirname(target), `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      fs.writeFileSync(tmp, f.content, { mode: f.mode, flag: 'wx' });
      fs.chmodSync(tmp, f.mode); // the umask must not change what the volume asked for
      fs.renameSync(tmp, target);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    changed = true;
  }
  return changed;
}

/**
 * What the kubelet's atomic writer refuses before writing anything: a path that is not a plain relative name
 * (empty, `.` or `..` elements), the same path twice, a file where another path needs a directory.
 */
function checkPayload(files: ProjectedFile[]): void {
  const paths = new Set<string>();
  for (const f of files) {
    const elements = f.path.split('/');
    if (path.isAbsolute(f.path) || elements.some((e) => e === '' || e === '.' || e === '..')) {
      throw new ConfigError(`invalid path "${f.path}": must be a relative path of names without '.', '..' or empty elements`);
    }
    if (paths.has(f.path)) throw new ConfigError(`invalid path "${f.path}": given twice`);
    paths.add(f.path);
  }
  for (const p of paths) {
    for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
      if (paths.has(p.slice(0, i))) throw new ConfigError(`invalid path "${p}": "${p.slice(0, i)}" is a file of the same volume`);
    }
  }
}

export function removePodDir(statePath: string, scopeId: string, uid: string): void {
  fs.rmSync(podDir(statePath, scopeId, uid), { recursive: true, force: true });
}

/** Pod uids that have a directory (for sweeping the ones whose Pod is gone). */
export function podDirUids(statePath: string, scopeId: string): string[] {
  try {
    return fs.readdirSync(podsRoot(statePath, scopeId));
  } catch {
    return [];
  }
}

function ensurePrivateParents(dir: string): void {
  if (fs.existsSync(dir)) return;
  ensurePrivateParents(path.dirname(dir));
  fs.mkdirSync(dir, { mode: PRIVATE });
  fs.chmodSync(dir, PRIVATE);
}

function sameFile(target: string, f: ProjectedFile): boolean {
  try {
    const st = fs.statSync(target);
    return (st.mode & 0o7777) === f.mode && st.size === f.content.length && fs.readFileSync(target).equals(f.content);
  } catch {
    return false;
  }
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}
