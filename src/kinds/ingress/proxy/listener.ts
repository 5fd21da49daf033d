/** The ingress port's listener in the controller process: every live Ingress's routes on one HTTP port. */
import type { State } from '../../../store/state';
import type { ListenerSpec } from '../../service/proxy/proxy-set';
import { allBackends, ingressRoutes, liveIngresses } from '../routing/routes';

/** Where Ingresses are served unless `--ingress-port` or KCTL_INGRESS_PORT says otherwise: HTTP's port. */
export const DEFAULT_INGRESS_PORT = 80;

export function ingressListener(state: State, address: string, port: number): ListenerSpec[] {
  if (liveIngresses(state).length === 0) return [];
  const routes = ingressRoutes(state);
  return [{ address, port, routes, backends: allBackends(routes), name: `ingress port ${port}` }];
}
