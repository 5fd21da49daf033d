/**
 * When to roll a Deployment back by itself, and to what: its rollout exceeded its progress deadline
 * (Progressing False ProgressDeadlineExceeded) or a pod of its new ReplicaSet is in CrashLoopBackOff, and an
 * earlier revision has completed a rollout. The target is the latest such revision. Pure.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { getCondition, Progressing, Reason } from '../controller/conditions';
import { rolloutHistory } from '../controller/history';
import { findNewReplicaSet, replicaSetsOf } from '../controller/replicasets';
import { controlledBy } from '../../ownership';
import { hasCompleted } from './completed';

export interface AutoRollback {
  toRevision: number;
  /** Why, as the end of `rolled back to revision N: <reason>`. */
  reason: string;
}

export function autoRollbackFor(state: State, dep: KObject): AutoRollback | undefined {
  if (dep.spec.paused || dep.metadata.deletionTimestamp) return undefined;
  const newRS = findNewReplicaSet(dep, replicaSetsOf(state, dep));
  // A revision that has completed before is not rolled back from (there is nothing better to go to).
  if (!newRS || hasCompleted(newRS)) return undefined;
  const reason = failure(state, dep, newRS);
  if (!reason) return undefined;
  const target = rolloutHistory(state, dep)
    .filter((h) => h.rs !== newRS && hasCompleted(h.rs))
    .at(-1);
  return target && { toRevision: target.revision, reason };
}

function failure(state: State, dep: KObject, newRS: KObject): string | undefined {
  const observed = (dep.status?.observedGeneration ?? 0) >= (dep.metadata.generation ?? 1);
  if (observed && getCondition(dep.status, Progressing)?.reason === Reason.ProgressDeadlineExceeded) return 'progress deadline exceeded';
  const looping = controlledBy(state, 'Pod', newRS).find((pod) => (pod.status?.containerStatuses ?? []).some((cs: any) => cs.state?.waiting?.reason === 'CrashLoopBackOff'));
  return looping && `pod ${looping.metadata.name} is in CrashLoopBackOff`;
}
