/** The ReplicaSet kind: only Deployments make them, but they can be scaled, exposed and port-forwarded to. */
import type { KindDefinition } from '../types';
import { specReplicasScale, templateExpose, templateOf } from '../workload';

export const definition: KindDefinition = {
  kind: 'ReplicaSet',
  sync: [(ctx, rs) => (require('../../controllers/replicaset/sync') as typeof import('../../controllers/replicaset/sync')).syncReplicaSet(ctx.state, rs, ctx.now)],
  podTemplate: templateOf,
  scale: specReplicasScale,
  podsOf: (state, rs) => (require('../../controllers/replicaset/ownership') as typeof import('../../controllers/replicaset/ownership')).controlledBy(state, 'Pod', rs),
  expose: templateExpose,
  get columns() {
    return (require('../../printers/columns/replicaset') as typeof import('../../printers/columns/replicaset')).replicaSetColumns;
  },
  describe: (rs, ctx) => (require('../../printers/describe/replicaset') as typeof import('../../printers/describe/replicaset')).describeReplicaSet(rs, ctx),
  verbs: ['delete', 'get', 'list', 'patch', 'watch'],
  categories: ['all'],
};
