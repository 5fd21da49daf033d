/** Job conditions, set as Kubernetes' job controller sets them (newCondition, ensureJobConditionStatus). */
import type { KObject } from '../../../api/types';
import { rfc3339 } from '../../../api/time';

export interface JobCondition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export const Complete = 'Complete';
export const Failed = 'Failed';
export const Suspended = 'Suspended';
/** Since Kubernetes 1.31 the Job first says it will end, and says it ended once none of its pods is left terminating. */
export const SuccessCriteriaMet = 'SuccessCriteriaMet';
export const FailureTarget = 'FailureTarget';

export function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: Date): JobCondition {
  const at = rfc3339(now);
  return { type, status, lastProbeTime: at, lastTransitionTime: at, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

export function findCondition(job: KObject, type: string): JobCondition | undefined {
  return (job.status?.conditions as JobCondition[] | undefined)?.find((c) => c.type === type);
}

export function hasTrueCondition(job: KObject, type: string): boolean {
  return findCondition(job, type)?.status === 'True';
}

/** Complete or Failed: the job controller leaves such a Job alone (IsJobFinished). */
export function isJobFinished(job: KObject): boolean {
  return hasTrueCondition(job, Complete) || hasTrueCondition(job, Failed);
}

/**
 * Sets the condition's status, reason and message (a new condition when one of them changed); a condition that
 * does not exist is not added as False. True when something changed.
 */
export function ensureCondition(conditions: JobCondition[], wanted: JobCondition): boolean {
  const i = conditions.findIndex((c) => c.type === wanted.type);
  if (i >= 0) {
    const c = conditions[i];
    if (c.status === wanted.status && c.reason === wanted.reason && c.message === wanted.message) return false;
    conditions[i] = wanted;
    return true;
  }
  if (wanted.status === 'False') return false;
  conditions.push(wanted);
  return true;
}
