/** `kctl describe job`: kubectl's describeJob layout. */
import type { KObject } from '../../api/types';
import { humanDuration } from '../../printers/age';
import { selectorText } from '../../printers/columns/common';
import { controllerOf, describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { describePodTemplate } from '../../printers/describe/pod-spec';
import { DescribeWriter, LEVEL_0 } from '../../printers/describe/writer';

/** Completed Indexes are cut after the interval that crosses this many characters. */
const INDEXES_SOFT_LIMIT = 50;

export function describeJob(job: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = controllerOf(job);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode !== undefined) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  const ready = status.ready === undefined ? '' : ` (${status.ready} Ready)`;
  w.write(LEVEL_0, `Pods Statuses:\t${n(status.active)} Active${ready} / ${n(status.succeeded)} Succeeded / ${n(status.failed)} Failed\n`);
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes ?? '')}\n`);
  describePodTemplate(w, spec.template);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** kubectl's capIndexesListOrNone. */
function capIndexes(indexes: string): string {
  if (!indexes) return '<none>';
  const comma = indexes.indexOf(',', INDEXES_SOFT_LIMIT);
  return comma === -1 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}
