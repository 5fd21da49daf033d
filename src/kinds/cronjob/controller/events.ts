/**
 * Events the cronjob controller would repeat on every pass while a condition lasts (a Job held back by Forbid,
 * a Job it did not make): said once per scheduled time or per Job, since each repeat would change the state
 * and wake the controller again.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';

export function eventOnceSince(state: State, obj: KObject, since: Date, type: 'Normal' | 'Warning', reason: string, message: string): void {
  const said = state.eventsFor(obj).some((e) => e.reason === reason && e.message === message && Date.parse(e.lastTimestamp) >= since.getTime());
  if (!said) state.event(obj, type, reason, message);
}
