/** The Deployment kind. Implementations load when first used: `kctl get deployments` needs only the columns. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';
import { specReplicasScale, templateExpose, templateOf } from '../workload';

const autorollback = () => require('../../controllers/autorollback') as typeof import('../../controllers/autorollback');

export const definition: KindDefinition = {
  kind: 'Deployment',
  sync: [
    (ctx, dep) => (require('../../controllers/deployment/sync') as typeof import('../../controllers/deployment/sync')).syncDeployment(ctx.state, dep, ctx.now),
    // Only once every Deployment has synced: it judges the rollouts they have just made.
    (ctx, dep) => autorollback().syncAutoRollbackOf(ctx.state, dep),
  ],
  converged: (state, dep) => (require('../../controllers/deployment/converged') as typeof import('../../controllers/deployment/converged')).deploymentConverged(state, dep),
  podTemplate: templateOf,
  scale: specReplicasScale,
  podsOf: (state, dep) => (require('../../controllers/deployment/replicasets') as typeof import('../../controllers/deployment/replicasets')).podsOfDeployment(state, dep),
  expose: templateExpose,
  rollout: {
    status: (dep, state) => (require('../../controllers/deployment/rollout-status') as typeof import('../../controllers/deployment/rollout-status')).rolloutStatus(dep, state),
    rolledBackSince: (state, dep, since) => autorollback().rollbackSince(state, dep, since),
  },
  get columns() {
    return (require('../../printers/columns/deployment') as typeof import('../../printers/columns/deployment')).deploymentColumns;
  },
  describe: (dep, ctx) => (require('../../printers/describe/deployment') as typeof import('../../printers/describe/deployment')).describeDeployment(dep, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
