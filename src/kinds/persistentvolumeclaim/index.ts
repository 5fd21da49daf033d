/** The PersistentVolumeClaim kind; its Docker volumes are made per pass against the runtime (controllers/volumes). */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'PersistentVolumeClaim',
  get columns() {
    return (require('../../printers/columns/pvc') as typeof import('../../printers/columns/pvc')).pvcColumns;
  },
  describe: (pvc, ctx) => (require('../../printers/describe/pvc') as typeof import('../../printers/describe/pvc')).describePVC(pvc, ctx),
  verbs: MANIFEST_VERBS,
};
