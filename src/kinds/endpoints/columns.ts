import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';

const MAX_SHOWN = 3;

export const endpointsColumns: KindColumns = {
  headers: headers(['NAME', 'ENDPOINTS', 'AGE']),
  cells: (ep, { now }) => [ep.metadata.name, formatEndpoints(ep), age(ep.metadata.creationTimestamp, now)],
};

/**
 * kubectl's formatEndpoints: ready `ip:port` pairs, at most three then `+ N more...`; `<none>` without
 * subsets. `portName` limits the list to one named port (describe service shows one line per port).
 */
export function formatEndpoints(ep: KObject | undefined, portName?: string): string {
  const subsets: any[] = ep?.subsets as any[] ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let total = 0;
  for (const ss of subsets) {
    const addresses: any[] = ss.addresses ?? [];
    const ports: any[] = ss.ports ?? [];
    if (ports.length === 0) {
      total += addresses.length;
      for (const a of addresses) if (list.length < MAX_SHOWN) list.push(a.ip);
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      total += addresses.length;
      for (const a of addresses) if (list.length < MAX_SHOWN) list.push(hostPort(a.ip, port.port));
    }
  }
  const text = list.join(',');
  return total > MAX_SHOWN ? `${text} + ${total - MAX_SHOWN} more...` : text;
}

/** net.JoinHostPort: IPv6 addresses in brackets. */
function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
