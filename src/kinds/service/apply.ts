/** On any update, a Service keeps its allocated cluster IP and node ports when the new object leaves them out, as the API server does. */
import type { KObject } from '../../api/types';

export function keepAllocated(wanted: KObject, live: KObject, next: KObject): void {
  if (!next.spec) return;
  for (const field of ['clusterIP', 'clusterIPs']) {
    if (wanted.spec?.[field] === undefined && live.spec?.[field] !== undefined) next.spec[field] = live.spec[field];
  }
  for (const port of next.spec.ports ?? []) {
    if (port.nodePort !== undefined) continue;
    const same = (live.spec?.ports ?? []).find((p: any) => (p.name ?? '') === (port.name ?? '') && p.port === port.port && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    if (same?.nodePort !== undefined && (next.spec.type === 'NodePort' || next.spec.type === 'LoadBalancer')) port.nodePort = same.nodePort;
  }
}
