/** `rollout history`: the Deployment's ReplicaSets by revision, oldest first (kubectl's ViewHistory). */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { CHANGE_CAUSE, REVISION, revisionOf } from './annotations';
import { replicaSetsOf } from './replicasets';

export interface Revision {
  revision: number;
  /** kubernetes.io/change-cause of that revision; printed as `<none>` when absent. */
  changeCause?: string;
  rs: KObject;
}

export function rolloutHistory(state: State, dep: KObject): Revision[] {
  return replicaSetsOf(state, dep)
    .filter((rs) => rs.metadata.annotations?.[REVISION] !== undefined)
    .map((rs) => ({ revision: revisionOf(rs), changeCause: rs.metadata.annotations?.[CHANGE_CAUSE], rs }))
    .sort((a, b) => a.revision - b.revision);
}
