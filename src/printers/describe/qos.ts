/**
 * A pod's QoS class (Kubernetes' GetPodQOS): BestEffort without any cpu/memory request or limit,
 * Guaranteed when every container limits both and requests (defaulting to the limits) equal them, else
 * Burstable. Quantities compare as written (`500m` and `0.5` count as different).
 */
import type { KObject } from '../../api/types';

const RESOURCES = ['cpu', 'memory'];

export function qosClass(pod: KObject): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: any[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    for (const r of RESOURCES) {
      if (isSet(limits[r]) || isSet(requests[r])) anySet = true;
      if (!isSet(limits[r])) guaranteed = false;
      else if (isSet(requests[r]) && String(requests[r]) !== String(limits[r])) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function isSet(q: unknown): boolean {
  return q !== undefined && q !== null && q !== '' && q !== 0 && q !== '0';
}
