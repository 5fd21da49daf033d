/** The HorizontalPodAutoscaler kind: its controller scales any kind with the scale capability. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'HorizontalPodAutoscaler',
  sync: [(ctx, hpa) => (require('./controller/sync') as typeof import('./controller/sync')).syncHPA(ctx, hpa)],
  get columns() {
    return (require('./columns') as typeof import('./columns')).hpaColumns;
  },
  describe: (hpa, ctx) => (require('./describe') as typeof import('./describe')).describeHPA(hpa, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
