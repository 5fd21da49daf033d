/**
 * A lock file holding the owner's pid and that process's start time. A lock whose owner is dead is taken
 * over at once, so a crashed kctl never leaves the state stuck; so is one whose pid now belongs to another
 * process (reused, or a lock naming pid 1 that kctl never wrote): the start time tells them apart. Used for
 * the state file (held for milliseconds) and for the reconciler lease (held while a process reconciles).
 */
import * as fs from 'fs';
import { randomBytes } from 'crypto';
import { sleep } from '../util/sleep';

export interface LockOwner {
  pid: number;
  token: string;
  purpose: string;
  /** The owner's start time in clock ticks since boot (/proc/<pid>/stat), where the system says it. */
  start?: string;
}

/** When `pid` started (field 22 of /proc/<pid>/stat, after the command name, which may hold spaces); undefined without /proc. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The lock's owner still runs: its pid is alive and, where the system can say, is the same process. */
function ownerAlive(owner: LockOwner): boolean {
  if (!processAlive(owner.pid)) return false;
  const now = processStart(owner.pid);
  return now === undefined || owner.start === now;
}

/** Alive and not a zombie: a killed process whose parent has not reaped it yet still answers kill(pid, 0). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e: any) {
    if (e.code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

export class PidLock {
  private token: string | undefined;

  constructor(readonly path: string, private readonly purpose: string) {}

  /** Reads who holds the lock, or undefined when nobody (alive) does. */
  owner(): LockOwner | undefined {
    const owner = readOwner(this.path);
    return owner && ownerAlive(owner) ? owner : undefined;
  }

  /** One attempt: true when this process now holds the lock. */
  tryAcquire(): boolean {
    const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
    const body = JSON.stringify({ pid: process.pid, token, purpose: this.purpose, start: processStart(process.pid) });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(this.path, body, { flag: 'wx', mode: 0o600 });
        this.token = token;
        return true;
      } catch (e: any) {
        if (e.code !== 'EEXIST') throw e;
      }
      const seen = readRaw(this.path);
      if (seen === undefined) continue; // released between our write and read: try again
      const owner = parseOwner(seen);
      if (owner && ownerAlive(owner)) return false;
      // An unreadable lock is usually one being written right now: only old garbage is stale.
      if (!owner && !olderThan(this.path, GARBAGE_AGE_MS)) return false;
      // Dead owner (or old garbage): remove it only if it is still the very lock we judged stale.
      if (readRaw(this.path) === seen) {
        try {
          fs.unlinkSync(this.path);
        } catch {
          /* another process removed it first */
        }
      }
    }
    return false;
  }

  /** Waits (polling) until the lock is ours or `timeoutMs` passes. */
  async acquire(timeoutMs: number, pollMs = 5): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.tryAcquire()) return true;
      if (Date.now() >= deadline) return false;
      await sleep(pollMs + Math.floor(Math.random() * pollMs));
    }
  }

  held(): boolean {
    return this.token !== undefined && readOwner(this.path)?.token === this.token;
  }

  release(): void {
    if (this.token === undefined) return;
    if (readOwner(this.path)?.token === this.token) {
      try {
        fs.unlinkSync(this.path);
      } catch {
        /* already gone */
      }
    }
    this.token = undefined;
  }
}

/** A lock file that never became valid JSON within this time was left by a process that died writing it. */
const GARBAGE_AGE_MS = 2000;

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

function readRaw(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const o = JSON.parse(raw);
    return typeof o?.pid === 'number' ? o : undefined;
  } catch {
    return undefined;
  }
}

function readOwner(path: string): LockOwner | undefined {
  const raw = readRaw(path);
  return raw === undefined ? undefined : parseOwner(raw);
}
