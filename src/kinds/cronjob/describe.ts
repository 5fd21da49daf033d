/** `kctl describe cronjob`: kubectl's describeCronJob layout (its job template as describeJobTemplate prints it). */
import type { KObject } from '../../api/types';
import { selectorText } from '../../printers/columns/common';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { describePodTemplate } from '../../printers/describe/pod-spec';
import { DescribeWriter, LEVEL_0 } from '../../printers/describe/writer';
import { boolText } from './columns';

export function describeCronJob(cj: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = cj.spec ?? {};
  const orUnset = (v: unknown, unit = '') => (v === undefined ? '<unset>' : `${v}${unit}`);
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', cj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec.schedule}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy}\n`);
  w.write(LEVEL_0, `Suspend:\t${boolText(spec.suspend)}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, 's')}\n`);
  const job = spec.jobTemplate?.spec ?? {};
  w.write(LEVEL_0, `Selector:\t${job.selector ? selectorText(job.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${orUnset(job.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${orUnset(job.completions)}\n`);
  if (job.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${job.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, job.template);
  const last = cj.status?.lastScheduleTime;
  w.write(LEVEL_0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active: { name: string }[] = cj.status?.active ?? [];
  w.write(LEVEL_0, `Active Jobs:\t${active.length ? active.map((j) => j.name).join(', ') : '<none>'}\n`);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
