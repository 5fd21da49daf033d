/**
 * How a one-shot command waits: it reconciles in-process while it holds the reconciler lease, and only
 * watches the state while another kctl (the controller process, or a concurrent command) holds it.
 * Exactly one reconciler acts at a time.
 */
import { TimeoutError } from '../errors';
import { PidLock } from '../store/pid-lock';
import type { State } from '../store/state';
import { sleep } from '../util/sleep';
import type { ControllerContext } from './context';
import { Reconciler } from './manager';
import type { Verdict } from '../kinds/results';

export interface DriveOptions {
  /** false: one pass, then return whatever the verdict. */
  wait: boolean;
  timeoutMs: number;
  onProgress?: (line: string) => void;
  interrupted?: Promise<void>;
  timeoutMessage?: (v: Verdict) => string;
}

const POLL_MS = 150;

export function reconcilerLease(statePath: string): PidLock {
  return new PidLock(`${statePath}.reconciler`, 'reconciler');
}

export async function driveUntil(ctx: ControllerContext, check: (state: State) => Verdict, opts: DriveOptions): Promise<Verdict> {
  const lease = reconcilerLease(ctx.store.path);
  const reconciler = new Reconciler(ctx);
  const deadline = Date.now() + opts.timeoutMs;
  let stop = false;
  opts.interrupted?.then(() => (stop = true));
  let lastLine: string | undefined;
  try {
    for (;;) {
      let delay = POLL_MS;
      if (lease.held() || lease.tryAcquire()) {
        const result = await reconciler.pass();
        if (result.requeueAfterMs !== undefined) delay = Math.max(20, Math.min(delay, result.requeueAfterMs));
      }
      const verdict = check(ctx.store.read());
      if (verdict.done || verdict.failure || !opts.wait) return verdict;
      if (verdict.waitingFor && verdict.waitingFor !== lastLine) opts.onProgress?.(verdict.waitingFor);
      lastLine = verdict.waitingFor;
      if (stop) return verdict;
      if (Date.now() >= deadline) throw new TimeoutError(opts.timeoutMessage?.(verdict) ?? 'timed out waiting for the condition', verdict.waitingFor);
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
    }
  } finally {
    lease.release();
  }
}
