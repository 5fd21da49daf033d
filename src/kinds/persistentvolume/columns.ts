/** `kctl get persistentvolumes`: printPersistentVolume's columns. */
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';
import { accessModesText } from '../persistentvolumeclaim/columns';

export const persistentVolumeColumns: KindColumns = {
  headers: headers(['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'REASON', 'AGE'], ['VOLUMEMODE']),
  cells(pv, { now, wide }) {
    const ref = pv.spec?.claimRef;
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? 'Pending');
    const cells = [pv.metadata.name, String(pv.spec?.capacity?.storage ?? ''), accessModesText(pv.spec?.accessModes), pv.spec?.persistentVolumeReclaimPolicy ?? '', phase, ref ? `${ref.namespace}/${ref.name}` : '', pv.spec?.storageClassName ?? '', pv.status?.reason ?? '', age(pv.metadata.creationTimestamp, now)];
    return wide ? [...cells, pv.spec?.volumeMode ?? '<unset>'] : cells;
  },
};
