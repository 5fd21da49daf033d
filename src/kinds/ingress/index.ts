/** The Ingress kind (networking.k8s.io/v1): HTTP routes to Services, served by the controller process. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Ingress',
  sync: [(ctx, ing) => (require('./controller/sync') as typeof import('./controller/sync')).syncIngress(ctx.state, ing)],
  get columns() {
    return (require('./columns') as typeof import('./columns')).ingressColumns;
  },
  describe: (ing, ctx) => (require('./describe') as typeof import('./describe')).describeIngress(ing, ctx),
  verbs: MANIFEST_VERBS,
};
