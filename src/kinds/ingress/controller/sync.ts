/**
 * The ingress controller's part of a pass, pure over the state: an Ingress kctl serves is served at the
 * controller's address, so its status shows it there (as k3s' Traefik reports its node's address); one of a
 * class no IngressClass defines gets no address and a warning event. Serving is the
 * controller process's (proxy/listener.ts).
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { notServedBecause } from '../../ingressclass/served';
import type { SyncResult } from '../../results';
import { LOAD_BALANCER_ADDRESS } from '../../service/controller/load-balancer-ports';

export function syncIngress(state: State, ing: KObject): SyncResult {
  const notServed = notServedBecause(state, ing);
  const status = notServed ? { loadBalancer: {} } : { loadBalancer: { ingress: [{ ip: LOAD_BALANCER_ADDRESS }] } };
  if (JSON.stringify(ing.status) !== JSON.stringify(status)) {
    ing.status = status;
    state.put(ing);
    // Said once, when it stops being served (not on every pass).
    if (notServed) state.event(ing, 'Warning', 'IngressClassNotFound', notServed);
  }
  return {};
}
