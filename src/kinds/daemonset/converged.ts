/**
 * When a command waiting on a DaemonSet may stop: its pod updated and available (with OnDelete: a pod runs), or
 * failed: the pod refused (admission, capacity) or stuck in a state only the user can fix.
 */
import type { KObject } from '../../api/types';
import { refName } from '../../api/kinds';
import { RolloutFailedError } from '../../errors';
import type { State } from '../../store/state';
import { controlledBy } from '../ownership';
import { podConverged } from '../pod/converged';
import type { Verdict } from '../results';
import { daemonSetRolloutStatus } from './rollout-status';

export function daemonSetConverged(state: State, ds: KObject): Verdict {
  const refused = state.eventsFor(ds).findLast((e) => e.reason === 'FailedCreate' || e.reason === 'SuccessfulCreate');
  if (refused?.reason === 'FailedCreate') return { done: false, failure: new RolloutFailedError(`daemon set "${ds.metadata.name}" cannot create its pod: ${refused.message.replace(/^Error creating: /, '')}`) };
  for (const pod of controlledBy(state, 'Pod', ds).filter((p) => !p.metadata.deletionTimestamp)) {
    const stuck = podConverged(pod, false);
    if (stuck.failure) return stuck;
  }
  if (ds.spec?.updateStrategy?.type === 'OnDelete') {
    const running = (ds.status?.currentNumberScheduled ?? 0) >= (ds.status?.desiredNumberScheduled ?? 1);
    return running ? { done: true } : { done: false, waitingFor: `waiting for ${refName('DaemonSet', ds.metadata.name)}: no pod yet` };
  }
  const status = daemonSetRolloutStatus(ds);
  return status.done ? { done: true } : { done: false, waitingFor: status.message };
}
