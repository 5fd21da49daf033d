import { age } from '../../printers/age';
import { formatLabels } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';

const LOAD_BALANCER_WIDTH = 16;

export const serviceColumns: KindColumns = {
  headers: headers(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['SELECTOR']),
  cells(svc, { now, wide }) {
    const spec = svc.spec ?? {};
    const clusterIP = spec.clusterIPs?.[0] || spec.clusterIP || '<none>';
    const cells = [svc.metadata.name, spec.type ?? 'ClusterIP', clusterIP, externalIP(svc, wide), portsText(spec.ports) || '<none>', age(svc.metadata.creationTimestamp, now)];
    return wide ? [...cells, formatLabels(spec.selector)] : cells;
  },
};

/** `80/TCP`, or `80:30080/TCP` with a node port; several joined by commas (makePortString). */
export function portsText(ports: any[] | undefined): string {
  return (ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function externalIP(svc: any, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external: string[] = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = loadBalancerText(svc.status?.loadBalancer?.ingress, wide);
      if (external.length) return [...(ingress ? ingress.split(',') : []), ...external].join(',');
      return ingress || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** The load balancer addresses (loadBalancerStatusStringer), cut to 16 characters unless wide. */
export function loadBalancerText(ingress: any[] | undefined, wide: boolean): string {
  const text = (ingress ?? []).map((i) => i.ip || i.hostname).filter(Boolean).join(',');
  return !wide && text.length > LOAD_BALANCER_WIDTH ? `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : text;
}
