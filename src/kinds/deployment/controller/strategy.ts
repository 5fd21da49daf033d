/**
 * What a rollout strategy is to the Deployment controller: its rollout step and the pod budget the shared
 * code (scaling, the new ReplicaSet's size, status) asks of it. One entry per strategy in strategies.ts.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';

export interface RolloutStrategy {
  /** One level-based step of rolling a changed template out. */
  rollout(state: State, dep: KObject, now: Date): SyncResult;
  /** Pods that may run above replicas during a rollout. */
  maxSurge(dep: KObject): number;
  /** Of replicas, how many may be unavailable; never more than replicas. */
  maxUnavailable(dep: KObject): number;
  /** How big the new ReplicaSet may be now, given every ReplicaSet of the Deployment. */
  newReplicaSetReplicas(dep: KObject, allRSs: KObject[], newRS: KObject): number;
  /** A resize mid-rollout is spread over the active ReplicaSets in proportion to their size (else it waits). */
  scalesProportionally: boolean;
}
