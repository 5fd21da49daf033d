/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * ttlSecondsAfterFinished is deleted that long after it finished; the garbage collector takes its pods.
 */
import type { KObject } from '../../../api/types';
import { rfc3339 } from '../../../api/time';
import type { SyncResult } from '../../results';
import type { SyncContext } from '../../types';
import { Complete, Failed, findCondition } from './conditions';

export function syncTTLAfterFinished(ctx: SyncContext, job: KObject): SyncResult {
  const ttl: number | undefined = job.spec.ttlSecondsAfterFinished;
  const finished = [Complete, Failed].map((type) => findCondition(job, type)).find((c) => c?.status === 'True');
  if (ttl === undefined || !finished) return {};
  const expiresAt = Date.parse(finished.lastTransitionTime) + ttl * 1000;
  if (ctx.now.getTime() < expiresAt) return { requeueAfterMs: expiresAt - ctx.now.getTime() };
  job.metadata.deletionTimestamp = rfc3339(ctx.now);
  ctx.state.put(job);
  return {};
}
