/**
 * The scheduler's part, for one machine: a pod is placed (PodScheduled True) once, when what it needs is
 * there: its PersistentVolumeClaims exist, and no other pod of the state holds or was placed first on a
 * hostPort it asks for. Until then it stays Pending with the scheduler's message, and nothing is created.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';

const NO_FREE_PORTS = "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.";

export function isScheduled(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'PodScheduled' && c.status === 'True');
}

/** Why the pod cannot be placed now, or undefined when it can. */
export function unschedulableReason(pod: KObject, state: State, publishAddress: string): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    const found = claim && state.get('PersistentVolumeClaim', ns, claim);
    if (claim && (!found || found.metadata.deletionTimestamp)) return `0/1 nodes are available: persistentvolumeclaim "${claim}" not found.`;
  }
  const wanted = hostPorts(pod, publishAddress);
  if (!wanted.length) return undefined;
  for (const other of state.list('Pod')) {
    if (other.metadata.uid === pod.metadata.uid || isFinished(other) || !(isScheduled(other) || placedFirst(other, pod))) continue;
    const clash = hostPorts(other, publishAddress).find((theirs) => wanted.some((mine) => overlaps(mine, theirs)));
    if (clash) return `${NO_FREE_PORTS} (hostPort ${clash.port}/${clash.protocol} is taken by pod ${other.metadata.namespace ?? 'default'}/${other.metadata.name})`;
  }
  return undefined;
}

interface HostPort {
  ip: string;
  port: number;
  protocol: string;
}

function hostPorts(pod: KObject, publishAddress: string): HostPort[] {
  return (pod.spec?.containers ?? []).flatMap((c: any) => (c.ports ?? []).filter((p: any) => p.hostPort).map((p: any) => ({ ip: p.hostIP || publishAddress, port: p.hostPort, protocol: p.protocol ?? 'TCP' })));
}

/** Same port and protocol on the same address, or on all addresses. */
function overlaps(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.ip === b.ip || a.ip === '0.0.0.0' || b.ip === '0.0.0.0');
}

/** Among pods not placed yet, the older one (then the name) goes first, whichever kctl process looks. */
function placedFirst(other: KObject, pod: KObject): boolean {
  const a = other.metadata.creationTimestamp ?? '';
  const b = pod.metadata.creationTimestamp ?? '';
  return a < b || (a === b && other.metadata.name < pod.metadata.name);
}

function isFinished(pod: KObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
