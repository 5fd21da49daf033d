/** The Job kind (batch/v1): pods run to completion. Implementations load when first used. */
import type { KindDefinition } from '../types';
import { conditionsShape, podTemplateShape } from '../pod/patch-shape';
import { MANIFEST_VERBS } from '../verbs';
import { templateOf } from '../workload';

export const definition: KindDefinition = {
  kind: 'Job',
  // The API server's name for it (batch/v1 conversion), though the field is status.succeeded.
  fieldLabels: { 'status.successful': (job) => String(job.status?.succeeded ?? 0) },
  sync: [
    (ctx, job) => (require('./controller/sync') as typeof import('./controller/sync')).syncJob(ctx, job),
    (ctx, job) => (require('./controller/ttl') as typeof import('./controller/ttl')).syncTTLAfterFinished(ctx, job),
  ],
  converged: (state, job) => (require('./converged') as typeof import('./converged')).jobConverged(state, job),
  podTemplate: templateOf,
  podsOf: (state, job) => (require('../ownership') as typeof import('../ownership')).controlledBy(state, 'Pod', job),
  finishedPhase: (job) => (require('./finished') as typeof import('./finished')).finishedJob(job),
  patchShape: { spec: { template: podTemplateShape }, status: conditionsShape },
  get columns() {
    return (require('./columns') as typeof import('./columns')).jobColumns;
  },
  describe: (job, ctx) => (require('./describe') as typeof import('./describe')).describeJob(job, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
