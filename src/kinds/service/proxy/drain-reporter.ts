/**
 * Writes this process's part of the drain protocol (drain.ts) into the state: which pods being deleted it
 * still has connections to. Writes only when that set changes, one write at a time.
 */
import type { Store } from '../../../store/store';
import { markDraining } from './drain';

export class DrainReporter {
  private reported = new Set<string>();
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly current: () => Set<string>,
    private readonly log: (message: string) => void,
    private readonly pid = process.pid,
  ) {}

  /** Brings the annotations up to date (soon, if a write is in flight). */
  update(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.write().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.update();
      }
    });
    return this.running;
  }

  /** Takes this process out of every pod's annotation (on exit). */
  async clear(): Promise<void> {
    await this.running;
    if (this.reported.size === 0) return;
    await this.store.update((state) => markDraining(state, this.pid, new Set()));
    this.reported = new Set();
  }

  private async write(): Promise<void> {
    const want = this.current();
    if (sameSet(want, this.reported)) return;
    try {
      await this.store.update((state) => markDraining(state, this.pid, want));
      this.reported = want;
    } catch (e) {
      this.log(`cannot record draining connections: ${(e as Error).message}`);
    }
  }
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
