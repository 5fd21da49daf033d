/** Resizing one ReplicaSet on behalf of a Deployment, with an event (proportional.ts resizes them all at once). */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { setReplicasAnnotations } from './annotations';
import { replicasOf } from './spec';
import type { RolloutStrategy } from './strategy';
import { bumpGeneration } from '../../../api/generation';

/** Sets the size and the replica annotations; records `Scaled up|down ...` when the size changed. */
export function scaleReplicaSet(state: State, rs: KObject, newScale: number, dep: KObject, strategy: RolloutStrategy): boolean {
  const oldScale = replicasOf(rs);
  const annotationsChanged = setReplicasAnnotations(rs, dep, strategy);
  if (oldScale === newScale && !annotationsChanged) return false;
  if (oldScale !== newScale) {
    rs.spec.replicas = newScale;
    bumpGeneration(rs);
  }
  state.put(rs);
  if (oldScale === newScale) return false;
  state.event(dep, 'Normal', 'ScalingReplicaSet', `Scaled ${oldScale < newScale ? 'up' : 'down'} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
  return true;
}

/** Scales only when the size differs (the annotations follow with it). */
export function scaleIfNeeded(state: State, rs: KObject, newScale: number, dep: KObject, strategy: RolloutStrategy): boolean {
  return replicasOf(rs) !== newScale && scaleReplicaSet(state, rs, newScale, dep, strategy);
}
