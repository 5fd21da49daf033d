/**
 * The cronjob controller (pkg/controller/cronjob syncCronJob): one level-based step per CronJob. It keeps
 * status.active equal to its unfinished Jobs, trims finished ones to the history limits, and when a scheduled
 * time is owed (schedule/missed.ts) makes its Job as concurrencyPolicy allows. It asks to run again at the
 * next scheduled time, so the controller process wakes for it.
 */
import { rfc1123z } from '../../../printers/describe/common';
import { rfc3339 } from '../../../api/time';
import type { KObject } from '../../../api/types';
import { controlledBy } from '../../ownership';
import type { SyncResult } from '../../results';
import type { SyncContext } from '../../types';
import { Complete, Failed, hasTrueCondition, isJobFinished } from '../../job/controller/conditions';
import { MANY_MISSED, owedScheduleTime } from '../schedule/missed';
import { nextAfter } from '../schedule/next';
import { parseSchedule, ScheduleError, type CronSchedule } from '../schedule/parse';
import { eventOnceSince } from './events';
import { deleteJob, trimHistory } from './history';
import { createScheduledJob, jobName } from './new-job';

/** Kubernetes wakes a little after the scheduled time, so the time has surely come. */
const WAKE_SLACK_MS = 100;

export function syncCronJob(ctx: SyncContext, cronJob: KObject): SyncResult {
  const { state } = ctx;
  const before = JSON.stringify(cronJob.status ?? {});
  const status = (cronJob.status ??= {});
  const jobs = controlledBy(state, 'Job', cronJob);
  trackActive(ctx, cronJob, jobs);
  trimHistory(ctx, cronJob, jobs);
  const requeue = cronJob.spec.suspend ? undefined : schedule(ctx, cronJob);
  if (!status.active?.length) delete status.active;
  if (JSON.stringify(status) !== before) state.put(cronJob);
  return requeue === undefined ? {} : { requeueAfterMs: requeue };
}

/** status.active: the unfinished Jobs; a Job seen finished is said once (SawCompletedJob), a vanished one too. */
function trackActive(ctx: SyncContext, cronJob: KObject, jobs: KObject[]): void {
  const status = cronJob.status;
  const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
  const active: any[] = [];
  for (const ref of status.active ?? []) {
    const job = byUid.get(ref.uid);
    if (!job) ctx.state.event(cronJob, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    else if (!isJobFinished(job)) active.push(ref);
    else {
      const complete = hasTrueCondition(job, Complete);
      ctx.state.event(cronJob, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${complete ? Complete : Failed}`);
      if (complete && job.status?.completionTime && !(status.lastSuccessfulTime && status.lastSuccessfulTime >= job.status.completionTime)) {
        status.lastSuccessfulTime = job.status.completionTime;
      }
    }
  }
  // A Job controlled by the CronJob but not listed (`kctl create job --from`, a state rebuild) is not adopted.
  for (const job of jobs) {
    if (isJobFinished(job) || active.some((r) => r.uid === job.metadata.uid)) continue;
    eventOnceSince(ctx.state, cronJob, new Date(job.metadata.creationTimestamp ?? 0), 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
  }
  status.active = active;
}

/** Makes the Job owed now, if any; returns when to look again (the next scheduled time). */
function schedule(ctx: SyncContext, cronJob: KObject): number | undefined {
  const { state, now } = ctx;
  const spec = cronJob.spec;
  let parsed: CronSchedule;
  try {
    parsed = parseSchedule(spec.schedule);
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    eventOnceSince(state, cronJob, new Date(0), 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(spec.schedule)} : ${e.message}`);
    return undefined;
  }
  const zone: string | undefined = spec.timeZone;
  const status = cronJob.status;
  let earliest = new Date(status.lastScheduleTime ?? cronJob.metadata.creationTimestamp ?? rfc3339(now));
  const deadline: number | undefined = spec.startingDeadlineSeconds;
  if (deadline !== undefined && now.getTime() - deadline * 1000 > earliest.getTime()) earliest = new Date(now.getTime() - deadline * 1000);
  const owed = owedScheduleTime(parsed, earliest, now, zone);
  const wake = () => {
    const next = nextAfter(parsed, now, zone);
    return next ? next.getTime() - now.getTime() + WAKE_SLACK_MS : undefined;
  };
  if (!owed.time) return wake();
  if (owed.missed > MANY_MISSED) {
    eventOnceSince(state, cronJob, owed.time, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${owed.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
  }
  if (deadline !== undefined && owed.time.getTime() + deadline * 1000 < now.getTime()) {
    eventOnceSince(state, cronJob, owed.time, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(rfc3339(owed.time))}`);
    return wake();
  }
  const name = jobName(cronJob, owed.time);
  if (status.active.some((r: { name: string }) => r.name === name) || state.get('Job', cronJob.metadata.namespace, name)) return wake();
  if (spec.concurrencyPolicy === 'Forbid' && status.active.length > 0) {
    eventOnceSince(state, cronJob, owed.time, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return wake();
  }
  if (spec.concurrencyPolicy === 'Replace') {
    for (const ref of status.active) {
      const job = state.get('Job', cronJob.metadata.namespace, ref.name);
      if (job && !job.metadata.deletionTimestamp) deleteJob(ctx, cronJob, job);
    }
    status.active = [];
  }
  const job = createScheduledJob(state, cronJob, owed.time);
  state.event(cronJob, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
  status.active.push(jobRef(job));
  status.lastScheduleTime = rfc3339(owed.time);
  return wake();
}

function jobRef(job: KObject) {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion };
}
