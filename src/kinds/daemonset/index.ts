/** The DaemonSet kind (apps/v1): one pod on each node, on kctl's one node one pod. Implementations load when first used. */
import type { KindDefinition } from '../types';
import { podTemplateShape } from '../pod/patch-shape';
import { MANIFEST_VERBS } from '../verbs';
import { templateOf } from '../workload';

const revisions = () => require('../controllerrevision/rollback') as typeof import('../controllerrevision/rollback');

export const definition: KindDefinition = {
  kind: 'DaemonSet',
  sync: [(ctx, ds) => (require('./controller/sync') as typeof import('./controller/sync')).syncDaemonSet(ctx, ds)],
  converged: (state, ds) => (require('./converged') as typeof import('./converged')).daemonSetConverged(state, ds),
  podTemplate: templateOf,
  podsOf: (state, ds) => (require('../ownership') as typeof import('../ownership')).controlledBy(state, 'Pod', ds),
  rollout: {
    verbs: ['status', 'history', 'undo', 'restart'],
    status: (ds, state) => (require('./rollout-status') as typeof import('./rollout-status')).daemonSetRolloutStatus(ds, state),
    rolledBackSince: () => undefined,
    history: (state, ds) => revisions().revisionHistory(state, ds),
    undo: (state, ds, toRevision) => revisions().undoToRevision(state, ds, toRevision),
  },
  patchShape: { spec: { template: podTemplateShape } },
  get columns() {
    return (require('./columns') as typeof import('./columns')).daemonSetColumns;
  },
  describe: (ds, ctx) => (require('./describe') as typeof import('./describe')).describeDaemonSet(ds, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
