/**
 * `kctl delete deployment`: marks the Deployment for deletion. The garbage collector (gc.ts) carries it on
 * in the same pass and every later one: its ReplicaSets and their Pods are marked, the pod controller stops
 * and removes the Pods, an emptied ReplicaSet goes, and the Deployment goes once it owns nothing.
 */
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../api/time';
import type { State } from '../../store/state';
import { collectGarbage } from '../gc';

export function cascadeDelete(state: State, obj: KObject, now: Date): void {
  if (!obj.metadata.deletionTimestamp) {
    obj.metadata.deletionTimestamp = rfc3339(now);
    state.put(obj);
  }
  collectGarbage(state, now);
}
