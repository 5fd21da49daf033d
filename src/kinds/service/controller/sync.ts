/**
 * The Service controller, pure over the state: it fills in what the API server allocates on a cluster (a
 * cluster IP, node ports for NodePort and LoadBalancer Services, the load balancer's address) and keeps one
 * Endpoints object per Service (endpoints.ts). Endpoints whose Service is gone are removed.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import { allocateClusterIP, allocateNodePort, clusterIPsInUse, nodePortsInUse } from './allocate';
import { endpointSubsets, selectedPods } from './endpoints';
import type { ServicePort } from './target-port';
import { LOAD_BALANCER_ADDRESS, loadBalancerPortHolders, takenLoadBalancerPort } from './load-balancer-ports';

/** One live Service: its allocations (unique among the Services in the state) and its Endpoints. */
export function syncService(state: State, svc: KObject): SyncResult {
  allocate(state, svc, clusterIPsInUse(state), nodePortsInUse(state));
  syncEndpoints(state, svc);
  return {};
}

/** Endpoints whose Service is gone (or going) are removed. */
export function syncOrphanEndpoints(state: State, ep: KObject): SyncResult {
  const svc = state.get('Service', ep.metadata.namespace, ep.metadata.name);
  if (!svc || svc.metadata.deletionTimestamp) state.remove('Endpoints', ep.metadata.namespace, ep.metadata.name);
  return {};
}

export function exposesNodePorts(svc: KObject): boolean {
  return svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer';
}

function allocate(state: State, svc: KObject, ips: Set<string>, nodePorts: Map<number, string>): void {
  const spec = (svc.spec ??= {});
  const before = JSON.stringify([spec, svc.status]);
  const type = spec.type ?? 'ClusterIP';
  if (type !== 'ExternalName' && !spec.clusterIP) {
    spec.clusterIP = allocateClusterIP(svc, ips);
    ips.add(spec.clusterIP);
  }
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  const ref = `${svc.metadata.namespace}/${svc.metadata.name}`;
  for (const [i, port] of ((spec.ports ?? []) as ServicePort[]).entries()) {
    if (!exposesNodePorts(svc)) {
      delete port.nodePort; // Kubernetes drops node ports when the type no longer has them
      continue;
    }
    const holder = port.nodePort ? nodePorts.get(port.nodePort) : undefined;
    if (port.nodePort && holder !== ref) {
      state.event(svc, 'Warning', 'PortAlreadyAllocated', `nodePort ${port.nodePort} is already allocated to service ${holder}; not served`);
      continue;
    }
    if (port.nodePort) continue;
    const chosen = allocateNodePort(svc, port.name ?? String(i), nodePorts);
    if (chosen === undefined) {
      state.event(svc, 'Warning', 'NodePortExhausted', 'no free node port in 30000-32767');
      continue;
    }
    port.nodePort = chosen;
    nodePorts.set(chosen, ref);
  }
  svc.status = { loadBalancer: type === 'LoadBalancer' ? loadBalancerStatus(state, svc) : {} };
  if (JSON.stringify([spec, svc.status]) !== before) state.put(svc);
}

/** The EXTERNAL-IP, once every port is the Service's to serve there; an event when one is held by another. */
function loadBalancerStatus(state: State, svc: KObject): { ingress?: { ip: string }[] } {
  const taken = takenLoadBalancerPort(svc, loadBalancerPortHolders(state));
  if (!taken) return { ingress: [{ ip: LOAD_BALANCER_ADDRESS }] };
  const message = `port ${taken.port} on ${LOAD_BALANCER_ADDRESS} is served for service ${taken.holder}; this service stays pending until it is free`;
  // Once, not once per pass: every pass would otherwise write the state.
  if (!state.data.events.some((e) => e.involvedObject.uid === svc.metadata.uid && e.message === message)) state.event(svc, 'Warning', 'LoadBalancerPortTaken', message);
  return {};
}

function syncEndpoints(state: State, svc: KObject): void {
  const ns = svc.metadata.namespace ?? 'default';
  const existing = state.get('Endpoints', ns, svc.metadata.name);
  const subsets = svc.spec?.type === 'ExternalName' ? [] : endpointSubsets(svc, selectedPods(state, svc));
  const labels = svc.metadata.labels;
  if (existing && JSON.stringify(existing.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(existing.metadata.labels) === JSON.stringify(labels)) return;
  const next: KObject = existing ? structuredClone(existing) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns } };
  if (labels) next.metadata.labels = { ...labels };
  else delete next.metadata.labels;
  if (subsets.length) next.subsets = subsets;
  else delete next.subsets;
  state.put(next);
}
