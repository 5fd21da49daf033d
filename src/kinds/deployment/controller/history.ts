/** `rollout history`: the Deployment's ReplicaSets by revision, oldest first (kubectl's ViewHistory). */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { RolloutRevision } from '../../types';
import { CHANGE_CAUSE, REVISION, revisionOf } from './annotations';
import { replicaSetsOf } from './replicasets';

/** A revision is one of the Deployment's ReplicaSets. */
export interface Revision extends RolloutRevision {
  rs: KObject;
}

export function rolloutHistory(state: State, dep: KObject): Revision[] {
  return replicaSetsOf(state, dep)
    .filter((rs) => rs.metadata.annotations?.[REVISION] !== undefined)
    .map((rs) => ({ revision: revisionOf(rs), changeCause: rs.metadata.annotations?.[CHANGE_CAUSE], template: rs.spec.template, rs }))
    .sort((a, b) => a.revision - b.revision);
}
