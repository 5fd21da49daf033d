/**
 * `rollout status`: kubectl's DeploymentStatusViewer, with its messages and its order of checks; first, kctl's
 * own check of a spec the controller cannot act on (invalid-spec.ts).
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { progressDeadlineExceeded, specObserved } from './complete';
import { invalidSpecFailure, invalidSpecMessage } from './invalid-spec';
import { replicasOf } from './spec';

export interface RolloutStatus {
  /** One line, without `error: ` (the CLI adds it to failures). */
  message: string;
  done: boolean;
  /** The spec is invalid or the progress deadline was exceeded: `rollout status` exits 1. */
  failed: boolean;
}

/** Judges the stored Deployment when `state` is given, so a caller polling with an old copy sees the latest. */
export function rolloutStatus(dep: KObject, state?: State): RolloutStatus {
  const d = state?.get('Deployment', dep.metadata.namespace, dep.metadata.name) ?? dep;
  const name = d.metadata.name;
  const s = d.status ?? {};
  const waiting = (message: string): RolloutStatus => ({ message, done: false, failed: false });
  // Before observedGeneration: the controller does not observe a spec it cannot act on.
  const invalid = invalidSpecMessage(d);
  if (invalid !== undefined) return { message: invalidSpecFailure(d, invalid), done: false, failed: true };
  if (!specObserved(d, s)) return waiting('Waiting for deployment spec update to be observed...');
  if (progressDeadlineExceeded(s)) {
    return { message: `deployment "${name}" exceeded its progress deadline`, done: false, failed: true };
  }
  const replicas = replicasOf(d);
  const updated = s.updatedReplicas ?? 0;
  const total = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  if (updated < replicas) return waiting(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`);
  if (total > updated) return waiting(`Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`);
  if (available < updated) return waiting(`Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`);
  return { message: `deployment "${name}" successfully rolled out`, done: true, failed: false };
}
