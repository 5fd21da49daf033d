/** The ConfigMap kind: read by the pods that use it, nothing to reconcile. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'ConfigMap',
  get columns() {
    return (require('../../printers/columns/config') as typeof import('../../printers/columns/config')).configMapColumns;
  },
  describe: (cm, ctx) => (require('../../printers/describe/config') as typeof import('../../printers/describe/config')).describeConfigMap(cm, ctx),
  verbs: MANIFEST_VERBS,
};
