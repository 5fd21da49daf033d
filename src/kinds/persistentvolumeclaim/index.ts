/** The PersistentVolumeClaim kind: bound to a PersistentVolume by the binder, or given a Docker volume by kctl's provisioner (backends/local/volumes). */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'PersistentVolumeClaim',
  // The binder runs before the pod backend, so a claim a PersistentVolume fits is bound to it, not provisioned.
  sync: [(ctx, claim) => (require('../persistentvolume/controller/bind') as typeof import('../persistentvolume/controller/bind')).bindClaim(ctx, claim)],
  get columns() {
    return (require('./columns') as typeof import('./columns')).pvcColumns;
  },
  describe: (pvc, ctx) => (require('./describe') as typeof import('./describe')).describePVC(pvc, ctx),
  verbs: MANIFEST_VERBS,
};
