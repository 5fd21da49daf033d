/** The ReplicaSet kind: only Deployments make them, but they can be scaled, exposed and port-forwarded to. */
import type { KindDefinition } from '../types';
import { conditionsShape, podTemplateShape } from '../pod/patch-shape';
import { specReplicasScale, templateExpose, templateOf } from '../workload';

export const definition: KindDefinition = {
  kind: 'ReplicaSet',
  fieldLabels: { 'status.replicas': (rs) => String(rs.status?.replicas ?? 0) },
  sync: [(ctx, rs) => (require('./controller/sync') as typeof import('./controller/sync')).syncReplicaSet(ctx.state, rs, ctx.now, ctx.limits)],
  podTemplate: templateOf,
  scale: specReplicasScale,
  podsOf: (state, rs) => (require('../ownership') as typeof import('../ownership')).controlledBy(state, 'Pod', rs),
  expose: templateExpose,
  patchShape: { spec: { template: podTemplateShape }, status: conditionsShape },
  get columns() {
    return (require('./columns') as typeof import('./columns')).replicaSetColumns;
  },
  describe: (rs, ctx) => (require('./describe') as typeof import('./describe')).describeReplicaSet(rs, ctx),
  verbs: ['delete', 'get', 'list', 'patch', 'watch'],
  categories: ['all'],
};
