/**
 * Cluster IPs and node ports for Services, unique within the state. The first choice is derived from the
 * Service's uid: an allocation that a re-apply wiped (the manifest does not carry it) comes back the same,
 * while two state files on one host (each with its own controller) do not pick the same node ports.
 */
import { createHash } from 'crypto';
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';

/** Kubernetes' default service CIDR, 10.96.0.0/12. The addresses only label Services: nothing routes them. */
const CLUSTER_IP_BASE = (10 << 24) | (96 << 16);
const CLUSTER_IP_COUNT = 1 << 20;
/** 10.96.0.0 is the network and 10.96.0.1 belongs to the `kubernetes` Service on a cluster. */
const CLUSTER_IP_FIRST = 2;

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export function clusterIPsInUse(state: State): Set<string> {
  return new Set(state.list('Service').map((s) => s.spec?.clusterIP).filter((ip): ip is string => typeof ip === 'string' && ip !== 'None'));
}

/** Node ports taken in the state, each with the Service (`ns/name`) that holds it. */
export function nodePortsInUse(state: State): Map<number, string> {
  const used = new Map<number, string>();
  for (const svc of state.list('Service')) {
    for (const p of svc.spec?.ports ?? []) if (p.nodePort && !used.has(p.nodePort)) used.set(p.nodePort, key(svc));
  }
  return used;
}

export function allocateClusterIP(svc: KObject, used: Set<string>): string {
  const span = CLUSTER_IP_COUNT - CLUSTER_IP_FIRST - 1; // minus the broadcast address
  const start = hash(seed(svc)) % span;
  for (let i = 0; i < span; i++) {
    const ip = formatIPv4(CLUSTER_IP_BASE + CLUSTER_IP_FIRST + ((start + i) % span));
    if (!used.has(ip)) return ip;
  }
  throw new Error('the service IP range 10.96.0.0/12 is exhausted');
}

/** A free node port, or undefined when all 2768 are taken. */
export function allocateNodePort(svc: KObject, portKey: string, used: Map<number, string>): number | undefined {
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  const start = hash(`${seed(svc)}/${portKey}`) % span;
  for (let i = 0; i < span; i++) {
    const port = NODE_PORT_MIN + ((start + i) % span);
    if (!used.has(port)) return port;
  }
  return undefined;
}

function key(svc: KObject): string {
  return `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
}

function seed(svc: KObject): string {
  return svc.metadata.uid ?? key(svc);
}

function hash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
