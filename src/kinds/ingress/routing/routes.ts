/**
 * The routes of every live Ingress kctl serves (ingressclass/served.ts), read from the state: host, path and the
 * Ready endpoints of the Service port each one names. Older Ingresses come first, so the older of two equal
 * routes wins.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { notServedBecause } from '../../ingressclass/served';
import { serviceBackends, type Backend } from '../../service/controller/backends';
import type { ServicePort } from '../../service/controller/target-port';

export interface Target {
  backends: Backend[];
  /** `namespace/service:port`, for logs and errors. */
  name: string;
}

export interface Route extends Target {
  /** '' for every host; `*.example.com` matches one label more. */
  host: string;
  path: string;
  exact: boolean;
}

export interface RouteTable {
  routes: Route[];
  /** The defaultBackend of the oldest Ingress that has one. */
  fallback?: Target;
}

export function ingressRoutes(state: State): RouteTable {
  const table: RouteTable = { routes: [] };
  for (const ing of liveIngresses(state)) {
    const spec = ing.spec ?? {};
    if (spec.defaultBackend && !table.fallback) table.fallback = target(state, ing, spec.defaultBackend);
    for (const rule of spec.rules ?? []) {
      for (const entry of rule.http?.paths ?? []) {
        // ImplementationSpecific is ours to define: kctl serves it as Prefix, an empty path as "/".
        table.routes.push({ host: rule.host ?? '', path: entry.path || '/', exact: entry.pathType === 'Exact', ...target(state, ing, entry.backend) });
      }
    }
  }
  return table;
}

export function liveIngresses(state: State): KObject[] {
  return state
    .list('Ingress')
    .filter((ing) => !ing.metadata.deletionTimestamp && notServedBecause(state, ing) === undefined)
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
}

/** Every backend of the table once, for draining and logs. */
export function allBackends(table: RouteTable): Backend[] {
  const byKey = new Map<string, Backend>();
  for (const t of [...table.routes, ...(table.fallback ? [table.fallback] : [])]) for (const b of t.backends) byKey.set(`${b.key}/${b.host}:${b.port}`, b);
  return [...byKey.values()];
}

function target(state: State, ing: KObject, backend: any): Target {
  const ns = ing.metadata.namespace ?? 'default';
  const ref = backend?.service ?? {};
  const port = ref.port?.name || String(ref.port?.number ?? '');
  const name = `${ns}/${ref.name}:${port}`;
  const svc = state.get('Service', ns, ref.name);
  const servicePort = ((svc?.spec?.ports ?? []) as ServicePort[]).find((p) => (ref.port?.name ? p.name === ref.port.name : p.port === ref.port?.number));
  if (!svc || svc.metadata.deletionTimestamp || !servicePort) return { backends: [], name };
  return { backends: serviceBackends(state, svc, servicePort.name), name };
}
