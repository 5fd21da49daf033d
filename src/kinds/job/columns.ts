/** `kctl get jobs`: printJob's columns (STATUS from the conditions, COMPLETIONS, DURATION). */
import type { KObject } from '../../api/types';
import { age, humanDuration } from '../../printers/age';
import { containerCells, selectorText } from '../../printers/columns/common';
import { headers, type KindColumns } from '../../printers/columns/types';
import { hasTrueCondition } from './controller/conditions';

export const jobColumns: KindColumns = {
  headers: headers(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells(job, { now, wide }) {
    const cells = [job.metadata.name, jobStatus(job), completions(job), duration(job, now), age(job.metadata.creationTimestamp, now)];
    return wide ? [...cells, ...containerCells(job.spec?.template?.spec), selectorText(job.spec?.selector)] : cells;
  },
};

function jobStatus(job: KObject): string {
  if (hasTrueCondition(job, 'Complete')) return 'Complete';
  if (hasTrueCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  for (const c of ['Suspended', 'FailureTarget', 'SuccessCriteriaMet']) if (hasTrueCondition(job, c)) return c;
  return 'Running';
}

function completions(job: KObject): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function duration(job: KObject, now: Date): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return end ? humanDuration(Date.parse(end) - Date.parse(start)) : age(start, now);
}
