/** `kctl port-forward svc/NAME`: a Service port by number or name, balanced over the Service's endpoints. */
import type { KObject } from '../../../api/types';
import { UsageError } from '../../../errors';
import type { State } from '../../../store/state';
import { serviceBackends, type Backend } from './backends';
import { readyTargets } from './endpoints';
import type { ServicePort } from './target-port';

export function checkServicePort(svc: KObject, remote: string): void {
  if (!servicePort(svc, remote)) throw new UsageError(`Service ${svc.metadata.name} does not have a service port ${remote}`);
}

export function serviceForwardBackends(state: State, svc: KObject, remote: string): Backend[] {
  const port = servicePort(svc, remote);
  return port ? serviceBackends(state, svc, port.name) : [];
}

/** kubectl shows the pod's port: a Service port resolves to its targetPort. */
export function shownServiceRemote(state: State, svc: KObject, remote: string): string {
  const target = servicePort(svc, remote)?.targetPort ?? remote;
  if (typeof target === 'number' || /^\d+$/.test(target)) return String(target);
  const resolved = readyTargets(state.get('Endpoints', svc.metadata.namespace, svc.metadata.name), servicePort(svc, remote)?.name)[0];
  return resolved ? String(resolved.port) : target;
}

function servicePort(svc: KObject, remote: string): ServicePort | undefined {
  return ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => String(p.port) === remote || p.name === remote);
}
