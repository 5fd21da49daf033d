/**
 * A pod's QoS class (Kubernetes' GetPodQOS): BestEffort without any cpu/memory request or limit,
 * Guaranteed when every container limits both and its requests (defaulting to the limits) equal them,
 * else Burstable.
 */
import type { KObject } from '../../api/types';
import { compareQuantities, parseQuantity, type Quantity } from '../../api/quantity';

const RESOURCES = ['cpu', 'memory'];

export function qosClass(pod: KObject): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: any[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    for (const r of RESOURCES) {
      const limit = nonZero(c.resources?.limits?.[r]);
      const request = nonZero(c.resources?.requests?.[r]);
      if (limit || request) anySet = true;
      if (!limit || (request && compareQuantities(request, limit) !== 0)) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function nonZero(value: unknown): Quantity | undefined {
  const q = parseQuantity(value);
  return q && q.num !== 0n ? q : undefined;
}
