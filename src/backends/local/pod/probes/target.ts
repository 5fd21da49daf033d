/**
 * Where httpGet and tcpSocket probes connect: the container port's binding published on the host (127.0.0.1),
 * which also works on Docker Desktop where container IPs cannot be reached. A port the container does not
 * publish is tried on the container's own IP (reachable from a Linux host).
 */
import type { KObject } from '../../../../api/types';
import { reachableAddress, type ContainerInfo, type PortBinding } from '../../../../runtime/runtime';

export interface ProbeTarget {
  host: string;
  port: number;
}

/** Thrown for a probe that cannot be run at all (Kubernetes reports those as "probe errored"). */
export class ProbeError extends Error {}

export function probeTarget(pod: KObject, container: any, info: ContainerInfo, port: number | string): ProbeTarget {
  const containerPort = resolvePort(container, port);
  // Containers after the first share its network; its bindings were recorded in the Pod's status.
  const bindings: PortBinding[] = info.ports.length ? info.ports : (pod.status?.kctl?.ports ?? []);
  const published = bindings.find((b) => b.containerPort === containerPort && b.protocol === 'TCP' && b.hostPort > 0);
  if (published) return { host: reachableAddress(published.hostIP), port: published.hostPort };
  const ip = info.ip || pod.status?.podIP;
  if (ip) return { host: ip, port: containerPort };
  throw new ProbeError(`port ${containerPort} of container "${container.name}" is neither published nor reachable on the pod IP`);
}

/** A number, a numeric string, or the name of one of the container's ports (Kubernetes' FindPort). */
export function resolvePort(container: any, port: number | string): number {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const named = (container.ports ?? []).find((p: any) => p.name === port);
  if (!named) throw new ProbeError(`couldn't find port: ${port} in container "${container.name}"`);
  return named.containerPort;
}
