/**
 * Kubernetes' crash back-off: the first restart is immediate, then 10 s doubling to 300 s; a container that
 * ran cleanly for 10 minutes starts over.
 */
export const BACKOFF_INITIAL_S = 10;
export const BACKOFF_MAX_S = 300;
export const BACKOFF_RESET_S = 600;

export interface Backoff {
  /** Seconds to wait before the next restart; 0 = none recorded yet. */
  seconds: number;
  /** ISO time before which the container must not be restarted. */
  until?: string;
}

/** The back-off after a container that ran from startedAt to finishedAt exited. */
export function nextBackoff(prev: Backoff | undefined, startedAt: string | undefined, finishedAt: string | undefined, now: Date): Backoff {
  const ranFor = startedAt && finishedAt ? (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000 : 0;
  if (!prev || prev.seconds === 0 || ranFor >= BACKOFF_RESET_S) return { seconds: BACKOFF_INITIAL_S };
  const seconds = Math.min(prev.seconds * 2, BACKOFF_MAX_S);
  const base = finishedAt ? Date.parse(finishedAt) : now.getTime();
  return { seconds, until: new Date(base + prev.seconds * 1000).toISOString() };
}
