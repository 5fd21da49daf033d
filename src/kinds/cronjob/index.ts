/** The CronJob kind (batch/v1): Jobs made on a cron schedule. Implementations load when first used. */
import type { KindDefinition } from '../types';
import { podTemplateShape } from '../pod/patch-shape';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'CronJob',
  sync: [(ctx, cj) => (require('./controller/sync') as typeof import('./controller/sync')).syncCronJob(ctx, cj)],
  // Jobs run their pods' template: `set image cronjob/x` changes the next Jobs.
  podTemplate: (cj) => cj.spec?.jobTemplate?.spec?.template,
  patchShape: { spec: { jobTemplate: { spec: { template: podTemplateShape } } } },
  get columns() {
    return (require('./columns') as typeof import('./columns')).cronJobColumns;
  },
  describe: (cj, ctx) => (require('./describe') as typeof import('./describe')).describeCronJob(cj, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
