/**
 * Where a proxy on the host sends a connection for a pod port: the port Docker published for it on the host
 * (status.kctl.ports; this also works where container addresses cannot be reached, as on Docker Desktop), else
 * the pod's address on its Docker network (reachable from a Linux host).
 */
import type { KObject } from '../../../api/types';
import { reachableAddress, type PortBinding } from '../../../runtime/runtime';
import type { State } from '../../../store/state';
import { readyTargets } from './endpoints';

export interface Backend {
  /** The pod's uid: connections are counted per backend for draining. */
  key: string;
  /** `namespace/pod`, for logs. */
  label: string;
  host: string;
  port: number;
}

export function podBackend(pod: KObject, containerPort: number): Backend | undefined {
  const published = ((pod.status?.kctl?.ports ?? []) as PortBinding[]).find((p) => p.containerPort === containerPort && (p.protocol ?? 'TCP') === 'TCP' && p.hostPort);
  const label = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  const key = pod.metadata.uid ?? label;
  if (published) return { key, label, host: reachableAddress(published.hostIP), port: published.hostPort };
  if (pod.status?.podIP) return { key, label, host: pod.status.podIP, port: containerPort };
  return undefined;
}

/** The Ready endpoints of one Service port, as host targets. */
export function serviceBackends(state: State, svc: KObject, portName: string | undefined): Backend[] {
  const ns = svc.metadata.namespace ?? 'default';
  const out: Backend[] = [];
  for (const { address, port } of readyTargets(state.get('Endpoints', ns, svc.metadata.name), portName)) {
    const pod = state.get('Pod', ns, address.targetRef.name);
    if (!pod || pod.metadata.uid !== address.targetRef.uid || pod.metadata.deletionTimestamp) continue;
    const backend = podBackend(pod, port);
    if (backend) out.push(backend);
  }
  return out;
}
