/**
 * The ports a LoadBalancer Service is served on at its EXTERNAL-IP (127.0.0.1, as k3s' ServiceLB binds them on
 * its node): the controller process listens on each TCP service port. Two LoadBalancer Services cannot share a
 * port; the one created first holds it, and the other stays `<pending>` until the port is free again.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { ServicePort } from './target-port';

export const LOAD_BALANCER_ADDRESS = '127.0.0.1';

/** Service port -> `namespace/name` of the LoadBalancer Service holding it. */
export function loadBalancerPortHolders(state: State): Map<number, string> {
  const holders = new Map<number, string>();
  for (const svc of state.list('Service')) {
    if (svc.metadata.deletionTimestamp || svc.spec?.type !== 'LoadBalancer') continue;
    for (const port of tcpPorts(svc)) if (!holders.has(port.port)) holders.set(port.port, ref(svc));
  }
  return holders;
}

/** The first port of `svc` another LoadBalancer Service holds, if any. */
export function takenLoadBalancerPort(svc: KObject, holders: Map<number, string>): { port: number; holder: string } | undefined {
  for (const port of tcpPorts(svc)) {
    const holder = holders.get(port.port);
    if (holder && holder !== ref(svc)) return { port: port.port, holder };
  }
  return undefined;
}

export function tcpPorts(svc: KObject): ServicePort[] {
  return ((svc.spec?.ports ?? []) as ServicePort[]).filter((p) => (p.protocol ?? 'TCP') === 'TCP');
}

function ref(svc: KObject): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}
