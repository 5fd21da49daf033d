/**
 * The listeners the controller process serves: one per node port of each NodePort or LoadBalancer Service on
 * the proxy address, and one per port of each LoadBalancer Service there too: its EXTERNAL-IP, 127.0.0.1, is
 * served while the address is 127.0.0.1 (the default) or 0.0.0.0 (load-balancer-ports.ts).
 */
import type { State } from '../../../store/state';
import { serviceBackends } from '../controller/backends';
import type { ListenerSpec } from './proxy-set';
import { exposesNodePorts } from '../controller/sync';
import type { ServicePort } from '../controller/target-port';
import { loadBalancerPortHolders, tcpPorts } from '../controller/load-balancer-ports';

/** Where node ports listen unless `--address` or KCTL_PROXY_ADDRESS says otherwise. */
export const DEFAULT_PROXY_ADDRESS = '127.0.0.1';

export function nodePortListeners(state: State, address: string): ListenerSpec[] {
  const byPort = new Map<number, ListenerSpec>();
  for (const svc of state.list('Service')) {
    if (svc.metadata.deletionTimestamp || !exposesNodePorts(svc)) continue;
    for (const port of (svc.spec.ports ?? []) as ServicePort[]) {
      if (!port.nodePort || (port.protocol ?? 'TCP') !== 'TCP' || byPort.has(port.nodePort)) continue;
      byPort.set(port.nodePort, {
        address,
        port: port.nodePort,
        backends: serviceBackends(state, svc, port.name),
        name: `service ${svc.metadata.namespace}/${svc.metadata.name} port ${port.port}`,
      });
    }
  }
  const listeners = [...byPort.values()];
  for (const [port, holder] of loadBalancerPortHolders(state)) {
    if (byPort.has(port)) continue; // a node port already listens there
    const [namespace, name] = holder.split('/');
    const svc = state.get('Service', namespace, name)!;
    const servicePort = tcpPorts(svc).find((p) => p.port === port)!;
    listeners.push({ address, port, backends: serviceBackends(state, svc, servicePort.name), name: `load balancer ${holder} port ${port}` });
  }
  return listeners;
}
