/** `kctl get statefulsets`: printStatefulSet's columns. */
import { age } from '../../printers/age';
import { containerCells } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';

export const statefulSetColumns: KindColumns = {
  headers: headers(['NAME', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES']),
  cells(set, { now, wide }) {
    const cells = [set.metadata.name, `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 1}`, age(set.metadata.creationTimestamp, now)];
    return wide ? [...cells, ...containerCells(set.spec?.template?.spec)] : cells;
  },
};
