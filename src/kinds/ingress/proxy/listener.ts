/** The ingress ports' listeners in the controller process: every live Ingress's routes on one HTTP port, and on one HTTPS port with their certificates. */
import type { State } from '../../../store/state';
import type { ListenerSpec } from '../../service/proxy/proxy-set';
import { ingressCertificates } from '../routing/certificates';
import { allBackends, ingressRoutes, liveIngresses } from '../routing/routes';

/** Where Ingresses are served unless `--ingress-port` / `--ingress-tls-port` (or the environment) say otherwise. */
export const DEFAULT_INGRESS_PORT = 8080;
export const DEFAULT_INGRESS_TLS_PORT = 8443;

export interface IngressPorts {
  http: number;
  https: number;
}

export function ingressListeners(state: State, address: string, ports: IngressPorts): ListenerSpec[] {
  if (liveIngresses(state).length === 0) return [];
  const routes = ingressRoutes(state);
  const backends = allBackends(routes);
  const specs: ListenerSpec[] = [{ address, port: ports.http, routes, backends, name: `ingress port ${ports.http}` }];
  const certificates = ingressCertificates(state);
  if (certificates.length) specs.push({ address, port: ports.https, routes, backends, certificates, name: `ingress tls port ${ports.https}` });
  return specs;
}
