/**
 * A Deployment whose spec the controller cannot act on (a strategy type edited into the state file by hand;
 * the loader refuses it at apply) is left as it is, ReplicaSets included, and says why: the InvalidSpec
 * condition and one Warning event, as Argo Rollouts reports an invalid Rollout. The condition goes once the
 * spec is valid again.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import { getCondition, InvalidSpec, newCondition, Reason, removeCondition, setCondition } from './conditions';

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
