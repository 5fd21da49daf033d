/** The listeners the controller process serves: one per TCP port of each NodePort or LoadBalancer Service. */
import type { State } from '../../../store/state';
import { serviceBackends } from '../controller/backends';
import type { ListenerSpec } from './proxy-set';
import { exposesNodePorts } from '../controller/sync';
import type { ServicePort } from '../controller/target-port';

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
  return [...byPort.values()];
}
