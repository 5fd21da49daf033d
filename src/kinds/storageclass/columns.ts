/** `kctl get storageclasses`: printStorageClass's columns; the default class is marked `(default)`. */
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';
import { isDefaultClass } from './provisioning';

export const storageClassColumns: KindColumns = {
  headers: headers(['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'], []),
  cells(sc, { now }) {
    const s = sc as any;
    return [`${sc.metadata.name}${isDefaultClass(sc) ? ' (default)' : ''}`, String(s.provisioner ?? ''), String(s.reclaimPolicy ?? 'Delete'), String(s.volumeBindingMode ?? 'Immediate'), String(s.allowVolumeExpansion ?? false), age(sc.metadata.creationTimestamp, now)];
  },
};
