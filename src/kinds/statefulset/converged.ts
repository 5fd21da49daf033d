/**
 * When a command waiting on a StatefulSet may stop: no pod above the count, its rollout complete (with OnDelete:
 * every pod ready), or failed: a pod refused (admission, capacity) or stuck in a state only the user can fix.
 */
import type { KObject } from '../../api/types';
import { refName } from '../../api/kinds';
import { RolloutFailedError } from '../../errors';
import type { State } from '../../store/state';
import { controlledBy } from '../ownership';
import { podConverged } from '../pod/converged';
import type { Verdict } from '../results';
import { statefulSetRolloutStatus } from './rollout-status';

export function statefulSetConverged(state: State, set: KObject): Verdict {
  const refused = state.eventsFor(set).findLast((e) => e.reason === 'FailedCreate' || (e.reason === 'SuccessfulCreate' && e.message.startsWith('create Pod')));
  if (refused?.reason === 'FailedCreate') return { done: false, failure: new RolloutFailedError(`statefulset "${set.metadata.name}" cannot create its pod: ${refused.message.replace(/^Error creating: /, '')}`) };
  for (const pod of controlledBy(state, 'Pod', set).filter((p) => !p.metadata.deletionTimestamp)) {
    const stuck = podConverged(pod, false);
    if (stuck.failure) return stuck;
  }
  // A scale-down is done when the pods above the new count are gone, which rollout status does not ask.
  const wanted = set.spec?.replicas ?? 1;
  const total = set.status?.replicas ?? 0;
  if (total > wanted) return { done: false, waitingFor: `waiting for ${refName('StatefulSet', set.metadata.name)}: ${total} pods, ${wanted} wanted` };
  if (set.spec?.updateStrategy?.type === 'OnDelete') {
    const ready = set.status?.readyReplicas ?? 0;
    return ready >= wanted ? { done: true } : { done: false, waitingFor: `waiting for ${refName('StatefulSet', set.metadata.name)}: ${ready} of ${wanted} pods ready` };
  }
  const status = statefulSetRolloutStatus(set);
  return status.done ? { done: true } : { done: false, waitingFor: status.message };
}
