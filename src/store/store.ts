/**
 * The state file: one human-readable JSON document with a format version. Reads need no lock (writes are
 * atomic renames); every change is read-modify-write under the state lock, so concurrent kctl processes
 * never lose an update. The file is 0600 and its directory 0700 because it holds Secrets.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { writeFileAtomic } from '../util/atomic-write';
import { ConflictError, StateFileError } from '../errors';
import { PidLock } from './pid-lock';
import { checkPrivate } from './private-dir';
import { FORMAT_VERSION, State, emptyState, type StateData } from './state';

const LOCK_WAIT_MS = 30_000;

export function defaultStatePath(env: NodeJS.ProcessEnv): string {
  if (env.KCTL_STATE) return path.resolve(env.KCTL_STATE);
  return path.join(env.HOME || os.homedir(), '.kctl', 'state.json');
}

export class Store {
  private readonly lock: PidLock;
  private checked = false;

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
    private readonly lockWaitMs = LOCK_WAIT_MS,
  ) {
    this.lock = new PidLock(`${path}.lock`, 'state');
  }

  /** A consistent snapshot of the state (an empty one when the file does not exist yet). */
  read(): State {
    return new State(this.readData(), this.now);
  }

  /** Once per process: nobody but this user controls the state directory (private-dir.ts). */
  private checkDir(): void {
    if (this.checked) return;
    checkPrivate(this.path);
    this.checked = true;
  }

  /**
   * Runs `change` on the latest state under the lock and writes the result atomically. Nothing is written
   * when `change` throws. The lock is held only for the read-modify-write, never across Docker calls.
   */
  async update<T>(change: (state: State) => T | Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const state = new State(this.readData(), this.now);
      const before = JSON.stringify(state.data);
      const result = await change(state);
      const after = JSON.stringify(state.data);
      if (after !== before) this.write(state.data);
      return result;
    } finally {
      this.lock.release();
    }
  }

  /**
   * Replaces the state whatever the file holds, readable or not (`kctl state rebuild`): under the lock,
   * `prepare` runs first (to keep a copy of the old file) and returns the new state, which is written
   * atomically, so that readers see the old file or the new one and never none (none would read as empty).
   */
  async replace(prepare: () => StateData | Promise<StateData>): Promise<void> {
    await this.acquire();
    try {
      this.write(await prepare());
    } finally {
      this.lock.release();
    }
  }

  private async acquire(): Promise<void> {
    this.ensureDir();
    this.checkDir();
    if (!(await this.lock.acquire(this.lockWaitMs))) {
      const owner = this.lock.owner();
      throw new ConflictError(`the state file ${this.path} is locked${owner ? ` by process ${owner.pid}` : ''}`, 'another kctl command is running; try again when it ends');
    }
  }

  private readData(): StateData {
    this.checkDir();
    let raw: string;
    try {
      raw = fs.readFileSync(this.path, 'utf8');
    } catch (e: any) {
      if (e.code === 'ENOENT') return emptyState();
      throw new StateFileError(`cannot read the state file ${this.path}: ${e.code ?? e.message}`);
    }
    // Not "start empty": the next reconcile would remove every container (and claim volume) of this state as orphans.
    const hint = `the file was left as it is; run \`kctl state rebuild\` to recover the state from the containers kctl made (a copy of this file is kept)`;
    let data: any;
    try {
      data = JSON.parse(raw);
    } catch (e: any) {
      throw new StateFileError(`the state file ${this.path} is corrupt: ${e.message}`, hint);
    }
    if (!data || typeof data !== 'object' || data.kind !== 'KctlState' || typeof data.formatVersion !== 'number' || typeof data.objects !== 'object' || !Array.isArray(data.events)) {
      throw new StateFileError(`the state file ${this.path} is not a kctl state file`, hint);
    }
    if (data.formatVersion > FORMAT_VERSION) {
      throw new StateFileError(`the state file ${this.path} has format version ${data.formatVersion}, newer than this kctl understands (${FORMAT_VERSION})`, 'upgrade kctl, or run `kctl state rebuild` to recover from Docker');
    }
    return data as StateData;
  }

  private ensureDir(): void {
    const dir = path.dirname(this.path);
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** A crash leaves the old or the new file, never half (util/atomic-write.ts). */
  private write(data: StateData): void {
    writeFileAtomic(this.path, JSON.stringify(data, null, 2) + '\n');
  }
}
