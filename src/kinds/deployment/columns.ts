import { age } from '../../printers/age';
import { containerCells, count, selectorText } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';

export const deploymentColumns: KindColumns = {
  headers: headers(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells(d, { now, wide }) {
    const desired = d.spec?.replicas ?? 1;
    const cells = [d.metadata.name, `${count(d.status?.readyReplicas)}/${desired}`, count(d.status?.updatedReplicas), count(d.status?.availableReplicas), age(d.metadata.creationTimestamp, now)];
    return wide ? [...cells, ...containerCells(d.spec?.template?.spec), selectorText(d.spec?.selector)] : cells;
  },
};
