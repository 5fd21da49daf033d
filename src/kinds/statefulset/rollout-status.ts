/** `rollout status statefulset/NAME`: kubectl's StatefulSetStatusViewer, with its messages. */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import type { RolloutStatus } from '../deployment/controller/rollout-status';

export function statefulSetRolloutStatus(set: KObject, state?: State): RolloutStatus {
  const s = state?.get('StatefulSet', set.metadata.namespace, set.metadata.name) ?? set;
  const status = s.status ?? {};
  const waiting = (message: string): RolloutStatus => ({ message, done: false, failed: false });
  const strategy = s.spec?.updateStrategy ?? {};
  if (strategy.type !== 'RollingUpdate') return { message: 'rollout status is only available for RollingUpdate strategy type', done: false, failed: true };
  if (!status.observedGeneration || (s.metadata.generation ?? 1) > status.observedGeneration) return waiting('Waiting for statefulset spec update to be observed...');
  const replicas = s.spec?.replicas ?? 1;
  const ready = status.readyReplicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  if (ready < replicas) return waiting(`Waiting for ${replicas - ready} pods to be ready...`);
  if (strategy.rollingUpdate) {
    const wanted = replicas - (strategy.rollingUpdate.partition ?? 0);
    if (updated < wanted) return waiting(`Waiting for partitioned roll out to finish: ${updated} out of ${wanted} new pods have been updated...`);
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true, failed: false };
  }
  if (status.updateRevision !== status.currentRevision) return waiting(`waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision}...`);
  return { message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision}...`, done: true, failed: false };
}
