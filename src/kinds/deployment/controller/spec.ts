/**
 * A Deployment's settings with Kubernetes' defaults (the manifest loader normally fills them in; the controller
 * must not break on an object that lacks one) and RollingUpdate's resolved maxSurge / maxUnavailable.
 */
import type { KObject } from '../../../api/types';
import { scaledValue } from '../../../api/intstr';

/** Kubernetes' "no limit" for revisionHistoryLimit and progressDeadlineSeconds. */
export const MAX_INT32 = 2147483647;

export function replicasOf(obj: KObject): number {
  return obj.spec?.replicas ?? 1;
}

export function minReadySecondsOf(dep: KObject): number {
  return dep.spec.minReadySeconds ?? 0;
}

/** undefined: keep every old ReplicaSet. */
export function revisionHistoryLimitOf(dep: KObject): number | undefined {
  const limit = dep.spec.revisionHistoryLimit ?? 10;
  return limit === MAX_INT32 ? undefined : limit;
}

/** undefined: progress is not tracked. */
export function progressDeadlineSecondsOf(dep: KObject): number | undefined {
  const seconds = dep.spec.progressDeadlineSeconds ?? 600;
  return seconds === MAX_INT32 ? undefined : seconds;
}

/**
 * Kubernetes' ResolveFenceposts: surge rounds up, unavailable down, and when both come out 0 one pod may be
 * unavailable, so a rollout can always move.
 */
export function resolveFenceposts(dep: KObject): { maxSurge: number; maxUnavailable: number } {
  const replicas = replicasOf(dep);
  const ru = dep.spec.strategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge ?? '25%', replicas, true);
  const maxUnavailable = scaledValue(ru.maxUnavailable ?? '25%', replicas, false);
  return maxSurge === 0 && maxUnavailable === 0 ? { maxSurge, maxUnavailable: 1 } : { maxSurge, maxUnavailable };
}
