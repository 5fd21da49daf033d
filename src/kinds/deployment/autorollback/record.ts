/**
 * An automatic rollback is recorded on the Deployment as data, status.autoRollback (revision, reason, time),
 * which `rollout status` and every waiting command read back to say so and to exit with their own code,
 * whichever reconciler did the rollback; a Warning event `RolledBack` tells humans the same.
 */
import type { KObject } from '../../../api/types';
import { rfc3339 } from '../../../api/time';
import type { AutoRollbackRecord } from '../controller/status';
import type { State } from '../../../store/state';
import type { AutoRollback } from './decide';

export const ROLLED_BACK_REASON = 'RolledBack';

/** `dep` must be the stored object. */
export function recordRollback(state: State, dep: KObject, rollback: AutoRollback): void {
  const record: AutoRollbackRecord = { revision: rollback.toRevision, reason: rollback.reason, time: rfc3339(state.now()) };
  (dep.status ??= {}).autoRollback = record;
  state.put(dep);
  state.event(dep, 'Warning', ROLLED_BACK_REASON, `Rolled back to revision ${rollback.toRevision}: ${rollback.reason}`);
}

/** The latest automatic rollback of the stored `dep` recorded at or after `since` (to the second, as recorded). */
export function rollbackSince(state: State, dep: KObject, since: Date): AutoRollback | undefined {
  const stored = state.get('Deployment', dep.metadata.namespace, dep.metadata.name) ?? dep;
  const record: AutoRollbackRecord | undefined = stored.status?.autoRollback;
  const from = Math.floor(since.getTime() / 1000) * 1000;
  return record && Date.parse(record.time) >= from ? { toRevision: record.revision, reason: record.reason } : undefined;
}
