/**
 * Kubernetes' endpoints controller, pure: the Endpoints object of a Service lists the pods its selector
 * matches, Ready ones under `addresses` (the only ones that get traffic), not-ready ones under
 * `notReadyAddresses`; terminating pods and pods without an IP are left out. Subsets group the pods whose
 * ports resolve alike (named targetPorts can differ per pod), sorted so that an unchanged world rewrites nothing.
 */
import type { KObject } from '../../../api/types';
import { fromLabelSelector, matchesSelector } from '../../../api/selector';
import type { State } from '../../../store/state';
import { isPodReady } from '../../../api/pod-status';
import { resolveTargetPort, type ServicePort } from './target-port';

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports: EndpointPort[];
}

/** The pods a Service sends traffic to (or would, once Ready); none without a selector. */
export function selectedPods(state: State, svc: KObject): KObject[] {
  return state.list('Pod', svc.metadata.namespace ?? 'default').filter((p) => selects(svc, p));
}

/** The Service's selector matches the pod (same namespace); a Service without a selector selects nothing. */
export function selects(svc: KObject, pod: KObject): boolean {
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return false;
  if ((svc.metadata.namespace ?? 'default') !== (pod.metadata.namespace ?? 'default')) return false;
  return matchesSelector(fromLabelSelector({ matchLabels: selector }), pod.metadata.labels ?? {});
}

export function endpointSubsets(svc: KObject, pods: KObject[]): EndpointSubset[] {
  const ports: ServicePort[] = svc.spec?.ports ?? [];
  const groups = new Map<string, EndpointSubset>();
  for (const pod of pods) {
    const ip = pod.status?.podIP;
    if (!ip || pod.metadata.deletionTimestamp) continue;
    const resolved: EndpointPort[] = [];
    for (const p of ports) {
      const port = resolveTargetPort(p, pod);
      if (port !== undefined) resolved.push({ ...(p.name ? { name: p.name } : {}), port, protocol: p.protocol ?? 'TCP' });
    }
    if (ports.length > 0 && resolved.length === 0) continue;
    const groupKey = JSON.stringify(resolved);
    const subset = groups.get(groupKey) ?? { ports: resolved };
    groups.set(groupKey, subset);
    const address: EndpointAddress = { ip, targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid ?? '' } };
    const list = isPodReady(pod) ? (subset.addresses ??= []) : (subset.notReadyAddresses ??= []);
    list.push(address);
  }
  const subsets = [...groups.values()];
  for (const s of subsets) {
    s.addresses?.sort(byAddress);
    s.notReadyAddresses?.sort(byAddress);
    s.ports.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
  }
  return subsets.sort((a, b) => JSON.stringify(a.ports).localeCompare(JSON.stringify(b.ports)));
}

function byAddress(a: EndpointAddress, b: EndpointAddress): number {
  return compareIPs(a.ip, b.ip) || a.targetRef.uid.localeCompare(b.targetRef.uid);
}

function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return a.localeCompare(b);
}

/** Ready addresses of the subset serving the Service port `name` (unnamed when the Service has one port). */
export function readyTargets(endpoints: KObject | undefined, portName: string | undefined): { address: EndpointAddress; port: number }[] {
  const out: { address: EndpointAddress; port: number }[] = [];
  for (const subset of (endpoints?.subsets as EndpointSubset[] | undefined) ?? []) {
    const port = subset.ports.find((p) => (p.name ?? '') === (portName ?? ''));
    if (!port) continue;
    for (const address of subset.addresses ?? []) out.push({ address, port: port.port });
  }
  return out;
}
