/**
 * When a command that touched a Job may stop waiting: once its work is under way (every pod it runs is Ready,
 * or pods have already succeeded), it is complete, or suspended, as a run-to-completion Pod is done once Ready.
 * Waiting for the end is `kctl wait --for=condition=complete`. A Job that failed, or whose pods are stuck in a
 * state only the user can fix, ends the wait with the reason.
 */
import type { KObject } from '../../api/types';
import { isPodActive } from '../../api/pod-status';
import { RolloutFailedError } from '../../errors';
import type { State } from '../../store/state';
import { controlledBy } from '../ownership';
import { podConverged } from '../pod/converged';
import type { Verdict } from '../results';
import { Complete, Failed, FailureTarget, findCondition, hasTrueCondition } from './controller/conditions';

export function jobConverged(state: State, job: KObject): Verdict {
  const name = job.metadata.name;
  const failed = [Failed, FailureTarget].map((t) => findCondition(job, t)).find((c) => c?.status === 'True');
  if (failed) return { done: false, failure: new RolloutFailedError(`job "${name}" failed: ${failed.reason}: ${failed.message}`, `see \`kctl describe job ${name}\``) };
  if (hasTrueCondition(job, Complete) || job.spec.suspend) return { done: true };
  const active = controlledBy(state, 'Pod', job).filter(isPodActive);
  for (const pod of active) {
    const stuck = podConverged(pod, false);
    if (stuck.failure) return stuck;
  }
  const s = job.status ?? {};
  const running = active.length > 0 && active.every((p) => podConverged(p, true).done);
  if (running || (s.succeeded ?? 0) > 0) return { done: true };
  return { done: false, waitingFor: `waiting for job.batch/${name}: ${s.ready ?? 0}/${active.length} pods ready, ${s.succeeded ?? 0} succeeded, ${s.failed ?? 0} failed` };
}
