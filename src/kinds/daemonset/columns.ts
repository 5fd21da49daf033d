/** `kctl get daemonsets`: printDaemonSet's columns. */
import { age } from '../../printers/age';
import { containerCells, formatLabels, selectorText } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';

export const daemonSetColumns: KindColumns = {
  headers: headers(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells(ds, { now, wide }) {
    const s = ds.status ?? {};
    const n = (v: unknown) => String(typeof v === 'number' ? v : 0);
    const cells = [ds.metadata.name, n(s.desiredNumberScheduled), n(s.currentNumberScheduled), n(s.numberReady), n(s.updatedNumberScheduled), n(s.numberAvailable), formatLabels(ds.spec?.template?.spec?.nodeSelector), age(ds.metadata.creationTimestamp, now)];
    return wide ? [...cells, ...containerCells(ds.spec?.template?.spec), selectorText(ds.spec?.selector)] : cells;
  },
};

