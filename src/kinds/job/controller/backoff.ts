/**
 * The wait before a Job replaces a failed pod (backoff_utils.go): 10 s after the first failure since the last
 * success, doubling with each further one, at most 6 minutes, counted from the last failure. Kubernetes keeps
 * the record in memory; kctl reads it from the pods, which it keeps.
 */
import type { KObject } from '../../../api/types';
import { finishedAt, isPodFailed } from './pods';

export const DEFAULT_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 6 * 60_000;

/** Milliseconds left before a new pod may be created; 0 when it may now. */
export function remainingBackoffMs(job: KObject, pods: KObject[], now: Date): number {
  const lastSuccess = Math.max(-Infinity, ...pods.filter((p) => p.status?.phase === 'Succeeded').map(finishedAt));
  const failures = pods.filter((p) => isPodFailed(p, job)).map(finishedAt).filter((t) => t > lastSuccess);
  if (failures.length === 0) return 0;
  const backoff = Math.min(DEFAULT_BACKOFF_MS * 2 ** (failures.length - 1), MAX_BACKOFF_MS);
  const elapsed = now.getTime() - Math.max(...failures);
  return backoff < elapsed ? 0 : backoff - elapsed;
}
