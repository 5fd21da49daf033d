/** `kctl get rc`: printReplicationController's columns (its selector is a plain label map). */
import { age } from '../../printers/age';
import { containerCells, count, formatLabels } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';

export const replicationControllerColumns: KindColumns = {
  headers: headers(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells(rc, { now, wide }) {
    const cells = [rc.metadata.name, String(rc.spec?.replicas ?? 1), count(rc.status?.replicas), count(rc.status?.readyReplicas), age(rc.metadata.creationTimestamp, now)];
    return wide ? [...cells, ...containerCells(rc.spec?.template?.spec), formatLabels(rc.spec?.selector)] : cells;
  },
};
