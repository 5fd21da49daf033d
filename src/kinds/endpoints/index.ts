/** The Endpoints kind: kctl keeps one per Service, and removes those whose Service is gone. */
import type { KindDefinition } from '../types';
import { READ_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Endpoints',
  sync: [(ctx, ep) => (require('../service/controller/sync') as typeof import('../service/controller/sync')).syncOrphanEndpoints(ctx.state, ep)],
  get columns() {
    return (require('./columns') as typeof import('./columns')).endpointsColumns;
  },
  describe: (ep, ctx) => (require('./describe') as typeof import('./describe')).describeEndpoints(ep, ctx),
  verbs: READ_VERBS,
};
