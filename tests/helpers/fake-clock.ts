/**
 * Whole commands on jest's fake clock, for output that depends on time (a progress deadline, a probe period):
 * the clock starts at T0 and moves only while kctl sleeps between two reconcile passes, by exactly what it
 * sleeps, so what a command prints is the same however loaded the machine is (and nothing really waits).
 * The fake runtime and the state take their time from the same faked Date.
 */
import { T0 } from './cli';

/** Puts the tests of the enclosing describe (or file) on the fake clock. */
export function useFakeClock(): void {
  // Only the clock and the timers: microtask and I/O queues stay real, or awaiting them would never end.
  beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] }));
  afterEach(() => jest.useRealTimers());
}

/** Fires kctl's timers one after the other until `work` (a command run on the fake clock) has ended. */
export async function untilSettled<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => (settled = true));
  while (!settled) await jest.advanceTimersToNextTimerAsync();
  return done;
}
