/** `kctl get cronjobs`: printCronJob's columns. */
import { age } from '../../printers/age';
import { containerCells, selectorText } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';

export const cronJobColumns: KindColumns = {
  headers: headers(['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells(cj, { now, wide }) {
    const spec = cj.spec ?? {};
    const last = cj.status?.lastScheduleTime;
    const cells = [cj.metadata.name, spec.schedule, spec.timeZone ?? '<none>', boolText(spec.suspend), String(cj.status?.active?.length ?? 0), last ? age(last, now) : '<none>', age(cj.metadata.creationTimestamp, now)];
    const jobSpec = spec.jobTemplate?.spec;
    return wide ? [...cells, ...containerCells(jobSpec?.template?.spec), selectorText(jobSpec?.selector)] : cells;
  },
};

/** kubectl's printBoolPtr. */
export function boolText(value: unknown): string {
  return value === undefined ? '<unset>' : value ? 'True' : 'False';
}
