/**
 * The certificates of every live Ingress's spec.tls: the hosts each covers and its Secret's tls.crt and tls.key
 * (from the Ingress's namespace). An entry whose Secret is missing or lacks a key is left out, so its hosts get
 * the default certificate, as ingress-nginx falls back to its own.
 */
import type { State } from '../../../store/state';
import { wildcardMatches } from './match';
import { liveIngresses } from './routes';

export interface Certificate {
  /** The hosts it is for (`*.example.com` included); none: the Ingress's rules' hosts are not named. */
  hosts: string[];
  cert: string;
  key: string;
  /** `namespace/secret`, for logs. */
  name: string;
}

export function ingressCertificates(state: State): Certificate[] {
  const out: Certificate[] = [];
  for (const ing of liveIngresses(state)) {
    const ns = ing.metadata.namespace ?? 'default';
    for (const entry of ing.spec?.tls ?? []) {
      const secret = entry.secretName ? state.get('Secret', ns, entry.secretName) : undefined;
      const data: Record<string, string> = (secret as { data?: Record<string, string> } | undefined)?.data ?? {};
      if (!data['tls.crt'] || !data['tls.key']) continue;
      const decode = (v: string) => Buffer.from(v, 'base64').toString('utf8');
      out.push({ hosts: entry.hosts ?? [], cert: decode(data['tls.crt']), key: decode(data['tls.key']), name: `${ns}/${entry.secretName}` });
    }
  }
  return out;
}

/** The certificate for an SNI name: one naming the host, then a wildcard covering it, then the first (the default). */
export function certificateFor(certs: Certificate[], servername: string | undefined): Certificate | undefined {
  const host = (servername ?? '').toLowerCase();
  const wildcard = (pattern: string) => pattern.startsWith('*.') && wildcardMatches(pattern, host);
  return certs.find((c) => c.hosts.includes(host)) ?? certs.find((c) => c.hosts.some(wildcard)) ?? certs[0];
}
