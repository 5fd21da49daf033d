/** `kctl describe daemonset`: kubectl's describeDaemonSet layout. */
import type { KObject } from '../../api/types';
import { formatLabels, selectorText } from '../../printers/columns/common';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { describePodTemplate } from '../../printers/describe/pod-spec';
import { DescribeWriter, LEVEL_0 } from '../../printers/describe/writer';
import { writePodsStatus } from '../replicaset/describe';

export function describeDaemonSet(ds: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const s = ds.status ?? {};
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  // kubectl writes these without a tab: they stay out of the aligned column.
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${n(s.desiredNumberScheduled)}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${n(s.currentNumberScheduled)}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${n(s.updatedNumberScheduled)}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${n(s.numberAvailable)}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${n(s.numberMisscheduled)}\n`);
  writePodsStatus(w, ctx, ds);
  describePodTemplate(w, ds.spec?.template);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
