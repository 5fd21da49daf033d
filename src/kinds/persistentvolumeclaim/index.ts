/** The PersistentVolumeClaim kind; its Docker volumes are made per pass against the runtime (controllers/volumes). */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'PersistentVolumeClaim',
  get columns() {
    return (require('./columns') as typeof import('./columns')).pvcColumns;
  },
  describe: (pvc, ctx) => (require('./describe') as typeof import('./describe')).describePVC(pvc, ctx),
  verbs: MANIFEST_VERBS,
};
