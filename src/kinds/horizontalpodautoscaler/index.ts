/** The HorizontalPodAutoscaler kind: its controller scales any kind with the scale capability. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'HorizontalPodAutoscaler',
  sync: [(ctx, hpa) => (require('../../controllers/hpa/sync') as typeof import('../../controllers/hpa/sync')).syncHPA(ctx, hpa)],
  get columns() {
    return (require('../../printers/columns/hpa') as typeof import('../../printers/columns/hpa')).hpaColumns;
  },
  describe: (hpa, ctx) => (require('../../printers/describe/hpa') as typeof import('../../printers/describe/hpa')).describeHPA(hpa, ctx),
  verbs: MANIFEST_VERBS,
  categories: ['all'],
};
