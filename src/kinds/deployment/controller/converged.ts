/**
 * When a command waiting on a Deployment may stop: its rollout complete with exactly the pods it wants, or
 * failed (an invalid spec, deadline exceeded, a pod stuck in a state only the user can fix). With auto-rollback the controller
 * undoes a failed rollout itself: the wait goes on for that instead.
 */
import type { KObject } from '../../../api/types';
import { refName } from '../../../api/kinds';
import { RolloutFailedError } from '../../../errors';
import type { State } from '../../../store/state';
import { autoRollbackEnabled } from '../autorollback/switch';
import { podConverged } from '../../pod/converged';
import type { Verdict } from '../../results';
import { deploymentComplete, progressDeadlineExceeded, specObserved } from './complete';
import { invalidSpecFailure, invalidSpecMessage } from './invalid-spec';
import { podsOfDeployment } from './replicasets';
import { replicasOf } from './spec';
import { getCondition, ReplicaFailure } from './conditions';

export function deploymentConverged(state: State, dep: KObject): Verdict {
  const want = replicasOf(dep);
  const s = dep.status ?? {};
  const ref = refName('Deployment', dep.metadata.name);
  // Before observedGeneration: the controller does not observe a spec it cannot act on.
  const invalid = invalidSpecMessage(dep);
  if (invalid !== undefined) return { done: false, failure: new RolloutFailedError(invalidSpecFailure(dep, invalid)) };
  if (!specObserved(dep, s)) return { done: false, waitingFor: `waiting for ${ref} to be observed` };
  const selfHealing = autoRollbackEnabled(dep);
  if (progressDeadlineExceeded(s) && !selfHealing) return { done: false, failure: new RolloutFailedError(`deployment "${dep.metadata.name}" exceeded its progress deadline`) };
  // Pods refused outright (Pod Security, the host's pod capacity) do not come by waiting: say why now.
  const refused = getCondition(s, ReplicaFailure);
  if (refused?.status === 'True') return { done: false, failure: new RolloutFailedError(`deployment "${dep.metadata.name}" cannot create its pods: ${refused.message}`) };
  if (dep.spec.paused) return { done: true };
  const pods = podsOfDeployment(state, dep);
  for (const pod of selfHealing ? [] : pods.filter((p) => !p.metadata.deletionTimestamp)) {
    const stuck = podConverged(pod, false);
    if (stuck.failure) return stuck;
  }
  const done = deploymentComplete(dep, s) && pods.length === want;
  return done ? { done } : { done, waitingFor: `waiting for ${ref}: ${s.availableReplicas ?? 0}/${want} available, ${s.updatedReplicas ?? 0} updated, ${pods.length} pods` };
}
