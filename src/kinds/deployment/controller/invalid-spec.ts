/**
 * A Deployment whose spec the controller cannot act on (a strategy type edited into the state file by hand;
 * the loader refuses it at apply) is left as it is, ReplicaSets included, and says why: the InvalidSpec
 * condition and one Warning event, as Argo Rollouts reports an invalid Rollout. The condition goes once the
 * spec is valid again. A command waiting on it stops at once (invalidSpecMessage): only the user can fix it.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import { getCondition, InvalidSpec, newCondition, Reason, removeCondition, setCondition } from './conditions';
import { strategyOf } from './strategies';

export function reportInvalidSpec(state: State, dep: KObject, message: string, now: Date): SyncResult {
  if (getCondition(dep.status, InvalidSpec)?.message === message) return {};
  removeCondition((dep.status ??= {}), InvalidSpec);
  setCondition(dep.status, newCondition(InvalidSpec, 'True', Reason.InvalidSpec, message, now));
  state.event(dep, 'Warning', Reason.InvalidSpec, message);
  return {};
}

export function clearInvalidSpec(dep: KObject): void {
  if (getCondition(dep.status, InvalidSpec)) removeCondition(dep.status, InvalidSpec);
}

/**
 * What the InvalidSpec condition says, while the stored spec is still one the controller cannot act on: a spec
 * fixed since (apply, edit) is judged again, not failed on the condition the controller has yet to clear.
 */
export function invalidSpecMessage(dep: KObject): string | undefined {
  return strategyOf(dep) ? undefined : getCondition(dep.status, InvalidSpec)?.message;
}

/** The failure a waiting command reports (kubectl has no line for it; worded like the deadline's). */
export function invalidSpecFailure(dep: KObject, message: string): string {
  return `deployment "${dep.metadata.name}" has an invalid spec: ${message}`;
}
