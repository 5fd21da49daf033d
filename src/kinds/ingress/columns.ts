/** `kctl get ingresses`: printIngress's columns. */
import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';
import { loadBalancerText } from '../service/columns';

const MAX_HOSTS = 3;

export const ingressColumns: KindColumns = {
  headers: headers(['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']),
  cells(ing, { now, wide }) {
    const spec = ing.spec ?? {};
    return [ing.metadata.name, spec.ingressClassName ?? '<none>', hostsText(ing), loadBalancerText(ing.status?.loadBalancer?.ingress, wide), portsText(ing), age(ing.metadata.creationTimestamp, now)];
  },
};

/** The first three rule hosts, `*` when no rule names one (formatHosts, its count of the rest included). */
function hostsText(ing: KObject): string {
  const rules: any[] = ing.spec?.rules ?? [];
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === MAX_HOSTS) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - MAX_HOSTS} more...` : hosts.join(',');
}

/** kubectl's fixed text: 443 too once there is TLS (kctl serves plain HTTP only, on the ingress port). */
function portsText(ing: KObject): string {
  return ing.spec?.tls?.length ? '80, 443' : '80';
}
