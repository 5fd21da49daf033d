/**
 * The job controller (pkg/controller/job syncJob): one level-based step per Job. It counts its finished pods
 * (each once: the tracking finalizer goes when it is counted), decides whether the Job has ended (succeeded,
 * failed past backoffLimit or activeDeadlineSeconds, a podFailurePolicy FailJob rule), runs or stops pods
 * (manage.ts) and writes status. The end is said twice, as Kubernetes 1.31+ says it: SuccessCriteriaMet or
 * FailureTarget at once, Complete or Failed once none of its pods is left terminating.
 */
import type { KObject } from '../../../api/types';
import { isPodActive, isPodReady } from '../../../api/pod-status';
import { rfc3339 } from '../../../api/time';
import { controlledBy } from '../../ownership';
import { deleteOwnedPod } from '../../pod/controller-writes';
import type { SyncResult } from '../../results';
import type { SyncContext } from '../../types';
import { Complete, ensureCondition, Failed, FailureTarget, findCondition, isJobFinished, newCondition, SuccessCriteriaMet, Suspended, type JobCondition } from './conditions';
import { matchPodFailurePolicy } from './failure-policy';
import { completionIndex, formatIndexes, isIndexed, parseIndexes } from './indexes';
import { manageJob } from './manage';
import { isPodFailed, isTerminating, isTracked, untrack } from './pods';

const COMPLETIONS_REACHED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };

export function syncJob(ctx: SyncContext, job: KObject): SyncResult {
  if (isJobFinished(job)) return {};
  const { state, now } = ctx;
  const old = job.status ?? {};
  const conditions: JobCondition[] = structuredClone(old.conditions ?? []);
  const all = controlledBy(state, 'Pod', job);
  let active = all.filter(isPodActive);
  const indexed = isIndexed(job);
  const countable = (p: KObject) => isTracked(p) && (!indexed || completionIndex(p, job) !== undefined);
  const newSucceeded = all.filter((p) => countable(p) && p.status?.phase === 'Succeeded');
  const failed = (old.failed ?? 0) + all.filter((p) => countable(p) && isPodFailed(p, job) && matchPodFailurePolicy(job, p).countFailed).length;
  const succeededIndexes = indexed ? parseIndexes(old.completedIndexes, job.spec.completions) : new Set<number>();
  for (const p of newSucceeded) if (indexed) succeededIndexes.add(completionIndex(p, job)!);
  const succeeded = indexed ? succeededIndexes.size : (old.succeeded ?? 0) + newSucceeded.length;
  let startTime: string | undefined = old.startTime ?? (job.spec.suspend ? undefined : rfc3339(now));
  let requeue: number | undefined;

  // The end once decided: `final` (Complete, Failed) is set once no pod terminates, after `interim` (said now).
  let { final, interim } = decidedEnd(job, conditions, now);
  if (!final && !interim) {
    interim = failureTarget(job, all, failed, startTime, now);
    if (!interim && job.spec.activeDeadlineSeconds !== undefined && startTime && !job.spec.suspend) {
      requeue = Date.parse(startTime) + job.spec.activeDeadlineSeconds * 1000 - now.getTime();
    }
  }
  if (final || interim) {
    active = stopPods(ctx, job, active);
  } else {
    const managed = manageJob(ctx, job, { all: controlledBy(state, 'Pod', job), active, succeeded, succeededIndexes });
    active = managed.active;
    if (managed.requeueAfterMs !== undefined) requeue = Math.min(requeue ?? Infinity, managed.requeueAfterMs);
    const completions = job.spec.completions;
    if (active.length === 0 && (completions === undefined ? succeeded > 0 : succeeded >= completions)) {
      interim = newCondition(SuccessCriteriaMet, 'True', COMPLETIONS_REACHED.reason, COMPLETIONS_REACHED.message, now);
    } else if (job.spec.suspend) {
      if (ensureCondition(conditions, newCondition(Suspended, 'True', 'JobSuspended', 'Job suspended', now))) state.event(job, 'Normal', 'Suspended', 'Job suspended');
    } else if (ensureCondition(conditions, newCondition(Suspended, 'False', 'JobResumed', 'Job resumed', now))) {
      state.event(job, 'Normal', 'Resumed', 'Job resumed');
      // activeDeadlineSeconds counts the time the Job is continuously active.
      startTime = rfc3339(now);
    }
  }
  if (interim) {
    if (!findCondition(job, interim.type)) conditions.push(interim);
    final = newCondition(interim.type === FailureTarget ? Failed : Complete, 'True', interim.reason ?? '', interim.message ?? '', now);
  }

  const counts = countFinishedPods(ctx, job, final, { succeeded: indexed ? 0 : old.succeeded ?? 0, failed: old.failed ?? 0 });
  const pods = controlledBy(state, 'Pod', job);
  const terminating = pods.filter(isTerminating).length;
  let completionTime: string | undefined;
  if (final && terminating === 0) {
    ensureCondition(conditions, final);
    if (final.type === Complete) {
      completionTime = final.lastTransitionTime;
      state.event(job, 'Normal', 'Completed', 'Job completed');
    } else state.event(job, 'Warning', final.reason ?? Failed, final.message ?? '');
  }
  const status = {
    ...(active.length ? { active: active.length } : {}),
    ...(completionTime ? { completionTime } : {}),
    ...(indexed && succeededIndexes.size ? { completedIndexes: formatIndexes(succeededIndexes) } : {}),
    ...(conditions.length ? { conditions } : {}),
    ...(counts.failed ? { failed: counts.failed } : {}),
    ready: active.filter(isPodReady).length,
    ...(startTime ? { startTime } : {}),
    ...((indexed ? succeededIndexes.size : counts.succeeded) ? { succeeded: indexed ? succeededIndexes.size : counts.succeeded } : {}),
    terminating,
    uncountedTerminatedPods: {},
  };
  if (JSON.stringify(status) !== JSON.stringify(job.status)) {
    job.status = status;
    state.put(job);
  }
  return { requeueAfterMs: requeue === undefined ? undefined : Math.max(0, requeue) };
}

/** An end decided by an earlier sync: its interim condition is there, the final one is still to be set. */
function decidedEnd(job: KObject, conditions: JobCondition[], now: Date): { final?: JobCondition; interim?: JobCondition } {
  for (const [type, finalType] of [[SuccessCriteriaMet, Complete], [FailureTarget, Failed]]) {
    const c = conditions.find((x) => x.type === type && x.status === 'True');
    if (c) return { final: newCondition(finalType, 'True', c.reason ?? '', c.message ?? '', now) };
  }
  return {};
}

/** Why the Job fails now, in Kubernetes' order: a FailJob rule, backoffLimit, activeDeadlineSeconds. */
function failureTarget(job: KObject, pods: KObject[], failed: number, startTime: string | undefined, now: Date): JobCondition | undefined {
  const fail = (reason: string, message: string) => newCondition(FailureTarget, 'True', reason, message, now);
  if (job.spec.podFailurePolicy) {
    for (const p of pods) {
      const failJob = isPodFailed(p, job) ? matchPodFailurePolicy(job, p).failJob : undefined;
      if (failJob) return fail('PodFailurePolicy', failJob);
    }
  }
  if (failed > job.spec.backoffLimit || pastBackoffLimitOnFailure(job, pods)) return fail('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
  const deadline = job.spec.activeDeadlineSeconds;
  if (deadline !== undefined && startTime && !job.spec.suspend && now.getTime() - Date.parse(startTime) >= deadline * 1000) {
    return fail('DeadlineExceeded', 'Job was active longer than specified deadline');
  }
  return undefined;
}

/** With restartPolicy OnFailure pods do not fail, their containers restart: those restarts count against backoffLimit. */
function pastBackoffLimitOnFailure(job: KObject, pods: KObject[]): boolean {
  if (job.spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  const running = pods.filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending');
  const restarts = running.flatMap((p) => [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]).reduce((n, s) => n + (s.restartCount ?? 0), 0);
  return job.spec.backoffLimit === 0 ? restarts > 0 : restarts >= job.spec.backoffLimit;
}

/** The Job has ended: its active pods are deleted, keeping their finalizer (a failed Job counts them as failed). */
function stopPods(ctx: SyncContext, job: KObject, active: KObject[]): KObject[] {
  for (const pod of active) deleteOwnedPod(ctx.state, job, pod, ctx.now);
  return [];
}

/**
 * Counts each finished pod once, removing its tracking finalizer: succeeded, or failed (also every pod of a Job
 * that failed) unless a podFailurePolicy rule ignores it. Indexed Jobs count successes by index instead.
 */
function countFinishedPods(ctx: SyncContext, job: KObject, final: JobCondition | undefined, counts: { succeeded: number; failed: number }): { succeeded: number; failed: number } {
  const out = { ...counts };
  for (const pod of controlledBy(ctx.state, 'Pod', job)) {
    if (!isTracked(pod)) continue;
    const succeeded = pod.status?.phase === 'Succeeded';
    const failed = !succeeded && (isPodFailed(pod, job) || final?.type === Failed);
    if (!final && !succeeded && !failed) continue;
    untrack(pod);
    ctx.state.put(pod);
    if (isIndexed(job) && completionIndex(pod, job) === undefined) continue;
    if (succeeded) out.succeeded += 1;
    else if (failed && matchPodFailurePolicy(job, pod).countFailed) out.failed += 1;
  }
  return out;
}
