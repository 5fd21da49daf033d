/** The Deployment kind. Implementations load when first used: `kctl get deployments` needs only the columns. */
import type { KindDefinition } from '../types';
import { conditionsShape, podTemplateShape } from '../pod/patch-shape';
import { MANIFEST_VERBS } from '../verbs';
import { specReplicasScale, templateExpose, templateOf } from '../workload';

const autorollback = () => require('./autorollback') as typeof import('./autorollback');

export const definition: KindDefinition = {
  kind: 'Deployment',
  sync: [
    (ctx, dep) => (require('./controller/sync') as typeof import('./controller/sync')).syncDeployment(ctx.state, dep, ctx.now),
    // Only once every Deployment has synced: it judges the rollouts they have just made.
    (ctx, dep) => autorollback().syncAutoRollbackOf(ctx.state, dep),
  ],
  converged: (state, dep) => (require('./controller/converged') as typeof import('./controller/converged')).deploymentConverged(state, dep),
  podTemplate: templateOf,
  scale: specReplicasScale,
  podsOf: (state, dep) => (require('./controller/replicasets') as typeof import('./controller/replicasets')).podsOfDeployment(state, dep),
  expose: templateExpose,
  rollout: {
    verbs: ['status', 'history', 'undo', 'pause', 'resume', 'restart'],
    status: (dep, state) => (require('./controller/rollout-status') as typeof import('./controller/rollout-status')).rolloutStatus(dep, state),
    rolledBackSince: (state, dep, since) => autorollback().rollbackSince(state, dep, since),
    history: (state, dep) => (require('./controller/history') as typeof import('./controller/history')).rolloutHistory(state, dep),
    undo: (state, dep, toRevision) => (require('./controller/rollback') as typeof import('./controller/rollback')).rollbackTo(state, dep, toRevision).message,
  },
  patchShape: { spec: { template: podTemplateShape }, status: conditionsShape },
  get columns() {
    return (require('./columns') as typeof import('./columns')).deploymentColumns;
  },
  describe: (dep, ctx) => (require('./describe') as typeof import('./describe')).describeDeployment(dep, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
