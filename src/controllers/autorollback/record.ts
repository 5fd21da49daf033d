/**
 * An automatic rollback is recorded as a Warning event `RolledBack` on the Deployment; `rollout status` reads it
 * back to say so and to exit with its own code, whichever reconciler did the rollback.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import type { AutoRollback } from './decide';

export const ROLLED_BACK_REASON = 'RolledBack';

export function recordRollback(state: State, dep: KObject, rollback: AutoRollback): void {
  state.event(dep, 'Warning', ROLLED_BACK_REASON, `Rolled back to revision ${rollback.toRevision}: ${rollback.reason}`);
}

/** The latest automatic rollback of `dep` recorded at or after `since` (to the second: events carry whole seconds). */
export function rollbackSince(state: State, dep: KObject, since: Date): AutoRollback | undefined {
  const from = Math.floor(since.getTime() / 1000) * 1000;
  const event = state
    .eventsFor(dep)
    .filter((e) => e.reason === ROLLED_BACK_REASON && Date.parse(e.lastTimestamp) >= from)
    .at(-1);
  const m = event?.message.match(/^Rolled back to revision (\d+): (.*)$/s);
  return m ? { toRevision: Number(m[1]), reason: m[2] } : undefined;
}
