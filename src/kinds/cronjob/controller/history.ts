/**
 * The history limits (the cronjob controller's cleanupFinishedJobs): of the finished Jobs, the oldest by start
 * time go beyond successfulJobsHistoryLimit completed and failedJobsHistoryLimit failed ones; their pods go with them.
 */
import { rfc3339 } from '../../../api/time';
import type { KObject } from '../../../api/types';
import type { SyncContext } from '../../types';
import { Complete, Failed, hasTrueCondition } from '../../job/controller/conditions';

export function trimHistory(ctx: SyncContext, cronJob: KObject, jobs: KObject[]): void {
  const kept = jobs.filter((j) => !j.metadata.deletionTimestamp);
  const ended = (type: string) => kept.filter((j) => hasTrueCondition(j, type));
  removeOldest(ctx, cronJob, ended(Complete), cronJob.spec.successfulJobsHistoryLimit);
  removeOldest(ctx, cronJob, ended(Failed), cronJob.spec.failedJobsHistoryLimit);
}

function removeOldest(ctx: SyncContext, cronJob: KObject, finished: KObject[], limit: number | undefined): void {
  if (limit === undefined || finished.length <= limit) return;
  // Jobs that never started sort last, as byJobStartTime sorts them.
  const start = (j: KObject) => (j.status?.startTime ? Date.parse(j.status.startTime) : Infinity);
  const oldestFirst = [...finished].sort((a, b) => start(a) - start(b) || a.metadata.name.localeCompare(b.metadata.name));
  for (const job of oldestFirst.slice(0, finished.length - limit)) deleteJob(ctx, cronJob, job);
}

/** Deletes one of the CronJob's Jobs (the garbage collector takes its pods), as the cronjob controller says it. */
export function deleteJob(ctx: SyncContext, cronJob: KObject, job: KObject): void {
  job.metadata.deletionTimestamp = rfc3339(ctx.now);
  ctx.state.put(job);
  ctx.state.event(cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
}
