/**
 * The auto-rollback controller, run on the state after the Deployment controller in every reconcile pass
 * (manager.ts syncObjects), so one-shot commands and the controller process behave alike:
 *   - a Deployment that has rolled out completely gets its new ReplicaSet marked as completed;
 *   - a Deployment that opted in (kctl.io/auto-rollback: "true") and whose rollout failed is rolled back
 *     to the latest completed revision, with a RolledBack event.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import { rollbackTo } from '../deployment/rollback';
import { rolloutStatus } from '../deployment/rollout-status';
import { findNewReplicaSet, replicaSetsOf } from '../deployment/replicasets';
import { markCompleted } from './completed';
import { autoRollbackFor, type AutoRollback } from './decide';
import { recordRollback } from './record';
import { autoRollbackEnabled } from './switch';

export { AUTO_ROLLBACK_ANNOTATION, autoRollbackEnabled } from './switch';
export { autoRollbackFor, type AutoRollback } from './decide';
export { rollbackSince } from './record';

/** Returns 0 when a rollback was started (the next pass should come at once), else undefined. */
export function syncAutoRollback(state: State): number | undefined {
  let requeue: number | undefined;
  for (const dep of state.list('Deployment')) {
    if (dep.metadata.deletionTimestamp) continue;
    markIfComplete(state, dep);
    const rollback = autoRollbackEnabled(dep) ? autoRollbackFor(state, dep) : undefined;
    if (rollback) {
      applyRollback(state, dep, rollback);
      requeue = 0;
    }
  }
  return requeue;
}

/** Rolls back and records it; `dep` must be the stored object. */
export function applyRollback(state: State, dep: KObject, rollback: AutoRollback): void {
  rollbackTo(state, dep, rollback.toRevision);
  recordRollback(state, dep, rollback);
}

function markIfComplete(state: State, dep: KObject): void {
  if (dep.spec.paused || !rolloutStatus(dep).done) return;
  const newRS = findNewReplicaSet(dep, replicaSetsOf(state, dep));
  if (newRS) markCompleted(state, newRS);
}
