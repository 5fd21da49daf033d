/** The PersistentVolume kind (v1): host directories made beforehand, bound to claims by the volume binder. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'PersistentVolume',
  sync: [(ctx, pv) => (require('./controller/reclaim') as typeof import('./controller/reclaim')).syncVolume(ctx, pv)],
  get columns() {
    return (require('./columns') as typeof import('./columns')).persistentVolumeColumns;
  },
  describe: (pv, ctx) => (require('./describe') as typeof import('./describe')).describePersistentVolume(pv, ctx),
  verbs: MANIFEST_VERBS,
};
