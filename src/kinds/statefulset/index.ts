/** The StatefulSet kind (apps/v1): pods with stable names, DNS names and claims. Implementations load when first used. */
import type { KindDefinition } from '../types';
import { podTemplateShape } from '../pod/patch-shape';
import { MANIFEST_VERBS } from '../verbs';
import { specReplicasScale, templateOf } from '../workload';

const revisions = () => require('../controllerrevision/rollback') as typeof import('../controllerrevision/rollback');

export const definition: KindDefinition = {
  kind: 'StatefulSet',
  sync: [(ctx, set) => (require('./controller/sync') as typeof import('./controller/sync')).syncStatefulSet(ctx, set)],
  converged: (state, set) => (require('./converged') as typeof import('./converged')).statefulSetConverged(state, set),
  podTemplate: templateOf,
  scale: specReplicasScale,
  podsOf: (state, set) => (require('../ownership') as typeof import('../ownership')).controlledBy(state, 'Pod', set),
  rollout: {
    verbs: ['status', 'history', 'undo', 'restart'],
    status: (set, state) => (require('./rollout-status') as typeof import('./rollout-status')).statefulSetRolloutStatus(set, state),
    rolledBackSince: () => undefined,
    history: (state, set) => revisions().revisionHistory(state, set),
    undo: (state, set, toRevision) => revisions().undoToRevision(state, set, toRevision),
  },
  patchShape: { spec: { template: podTemplateShape } },
  get columns() {
    return (require('./columns') as typeof import('./columns')).statefulSetColumns;
  },
  describe: (set, ctx) => (require('./describe') as typeof import('./describe')).describeStatefulSet(set, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
