import { age } from '../../printers/age';
import { containerCells, count, selectorText } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';

export const replicaSetColumns: KindColumns = {
  headers: headers(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells(rs, { now, wide }) {
    const cells = [rs.metadata.name, String(rs.spec?.replicas ?? 1), count(rs.status?.replicas), count(rs.status?.readyReplicas), age(rs.metadata.creationTimestamp, now)];
    return wide ? [...cells, ...containerCells(rs.spec?.template?.spec), selectorText(rs.spec?.selector)] : cells;
  },
};
