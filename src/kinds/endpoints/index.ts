/** The Endpoints kind: kctl keeps one per Service, and removes those whose Service is gone. */
import type { KindDefinition } from '../types';
import { READ_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Endpoints',
  sync: [(ctx, ep) => (require('../../controllers/service/sync') as typeof import('../../controllers/service/sync')).syncOrphanEndpoints(ctx.state, ep)],
  get columns() {
    return (require('../../printers/columns/endpoints') as typeof import('../../printers/columns/endpoints')).endpointsColumns;
  },
  describe: (ep, ctx) => (require('../../printers/describe/endpoints') as typeof import('../../printers/describe/endpoints')).describeEndpoints(ep, ctx),
  verbs: READ_VERBS,
};
