/** `rollout status daemonset/NAME`: kubectl's DaemonSetStatusViewer, with its messages. */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import type { RolloutStatus } from '../deployment/controller/rollout-status';

export function daemonSetRolloutStatus(ds: KObject, state?: State): RolloutStatus {
  const d = state?.get('DaemonSet', ds.metadata.namespace, ds.metadata.name) ?? ds;
  const s = d.status ?? {};
  const waiting = (message: string): RolloutStatus => ({ message, done: false, failed: false });
  if (d.spec?.updateStrategy?.type !== 'RollingUpdate') return { message: 'rollout status is only available for RollingUpdate strategy type', done: false, failed: true };
  if ((d.metadata.generation ?? 1) > (s.observedGeneration ?? 0)) return waiting('Waiting for daemon set spec update to be observed...');
  const desired = s.desiredNumberScheduled ?? 0;
  const updated = s.updatedNumberScheduled ?? 0;
  const available = s.numberAvailable ?? 0;
  if (updated < desired) return waiting(`Waiting for daemon set "${d.metadata.name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
  if (available < desired) return waiting(`Waiting for daemon set "${d.metadata.name}" rollout to finish: ${available} of ${desired} updated pods are available...`);
  return { message: `daemon set "${d.metadata.name}" successfully rolled out`, done: true, failed: false };
}
