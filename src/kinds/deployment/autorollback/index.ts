/**
 * The auto-rollback controller: the Deployment kind's second controller (src/kinds/deployment), run on the state
 * once the first has synced every Deployment, so one-shot commands and the controller process behave alike:
 *   - a Deployment that has rolled out completely gets its new ReplicaSet marked as completed;
 *   - a Deployment that opted in (kctl.io/auto-rollback: "true") and whose rollout failed is rolled back
 *     to the latest completed revision, with a RolledBack event.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import { rollbackTo } from '../controller/rollback';
import { rolloutStatus } from '../controller/rollout-status';
import { findNewReplicaSet, replicaSetsOf } from '../controller/replicasets';
import { markCompleted } from './completed';
import { autoRollbackFor, type AutoRollback } from './decide';
import { recordRollback } from './record';
import { autoRollbackEnabled } from './switch';

export { AUTO_ROLLBACK_ANNOTATION, autoRollbackEnabled } from './switch';
export { autoRollbackFor, type AutoRollback } from './decide';
export { rollbackSince } from './record';

/** One live Deployment; asks for the next pass at once when it started a rollback. */
export function syncAutoRollbackOf(state: State, dep: KObject): SyncResult {
  markIfComplete(state, dep);
  const rollback = autoRollbackEnabled(dep) ? autoRollbackFor(state, dep) : undefined;
  if (!rollback) return {};
  applyRollback(state, dep, rollback);
  return { requeueAfterMs: 0 };
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
