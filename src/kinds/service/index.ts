/** The Service kind. Its controller reads pods: the garbage collector first removes what the workloads let go. */
import type { KindDefinition } from '../types';
import { mergedList } from '../../api/patch/shape';
import { MANIFEST_VERBS } from '../verbs';
import { nonEmptySelector } from '../workload';

const forward = () => require('./controller/forward') as typeof import('./controller/forward');

export const definition: KindDefinition = {
  kind: 'Service',
  fieldLabels: {
    'spec.clusterIP': (svc) => svc.spec?.clusterIP ?? '',
    'spec.type': (svc) => svc.spec?.type ?? 'ClusterIP',
  },
  collectGarbageFirst: true,
  sync: [(ctx, svc) => (require('./controller/sync') as typeof import('./controller/sync')).syncService(ctx.state, svc)],
  expose: {
    selector: (svc) => nonEmptySelector(svc, svc.spec?.selector),
    ports: (svc) => (svc.spec?.ports ?? []).map((p: { port: number }) => String(p.port)),
  },
  portForward: {
    check: (svc, remote) => forward().checkServicePort(svc, remote),
    backends: (state, svc, remote) => forward().serviceForwardBackends(state, svc, remote),
    shownRemote: (state, svc, remote) => forward().shownServiceRemote(state, svc, remote),
  },
  patchShape: { spec: { ports: mergedList('port') } },
  get columns() {
    return (require('./columns') as typeof import('./columns')).serviceColumns;
  },
  describe: (svc, ctx) => (require('./describe') as typeof import('./describe')).describeService(svc, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
