import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';

export const pvcColumns: KindColumns = {
  headers: headers(['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'], ['VOLUMEMODE']),
  cells(pvc, { now, wide }) {
    const { capacity, accessModes } = pvcBinding(pvc);
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? 'Pending');
    const cells = [pvc.metadata.name, phase, boundVolume(pvc) ?? '', capacity, accessModes, storageClassOf(pvc), age(pvc.metadata.creationTimestamp, now)];
    return wide ? [...cells, pvc.spec?.volumeMode ?? '<unset>'] : cells;
  },
};

/** The volume a claim is bound to: kctl records its Docker volume in status (spec stays as applied). */
export function boundVolume(pvc: KObject): string | undefined {
  return pvc.spec?.volumeName ?? pvc.status?.kctl?.volume;
}

/** Capacity and access modes show only once a volume is bound, as kubectl prints them. */
export function pvcBinding(pvc: KObject): { capacity: string; accessModes: string } {
  if (!boundVolume(pvc)) return { capacity: '', accessModes: '' };
  return { capacity: String(pvc.status?.capacity?.storage ?? ''), accessModes: accessModesText(pvc.status?.accessModes) };
}

export function storageClassOf(pvc: KObject): string {
  return pvc.spec?.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

const MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** GetAccessModesAsString: `RWO,RWX` in a fixed order. */
export function accessModesText(modes: string[] | undefined): string {
  return MODES.filter(([m]) => modes?.includes(m)).map(([, short]) => short).join(',');
}
