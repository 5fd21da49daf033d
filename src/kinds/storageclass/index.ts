/** The StorageClass kind (storage.k8s.io/v1): every class is served by kctl's one provisioner, except no-provisioner ones. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'StorageClass',
  get columns() {
    return (require('./columns') as typeof import('./columns')).storageClassColumns;
  },
  verbs: MANIFEST_VERBS,
};
