/** `kctl describe statefulset`: kubectl's describeStatefulSet layout, with its claim templates. */
import type { KObject } from '../../api/types';
import { selectorText } from '../../printers/columns/common';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { describePodTemplate } from '../../printers/describe/pod-spec';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from '../../printers/describe/writer';
import { storageClassOf } from '../persistentvolumeclaim/columns';
import { writePodsStatus } from '../replicaset/describe';

export function describeStatefulSet(set: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = set.spec ?? {};
  w.write(LEVEL_0, `Name:\t${set.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${set.metadata.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(set.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', set.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', set.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 1} desired | ${set.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const rolling = spec.updateStrategy?.rollingUpdate;
  if (rolling?.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${rolling.partition}\n`);
    if (rolling.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${rolling.maxUnavailable}\n`);
  }
  writePodsStatus(w, ctx, set);
  describePodTemplate(w, spec.template);
  describeClaimTemplates(w, spec.volumeClaimTemplates ?? []);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

function describeClaimTemplates(w: DescribeWriter, templates: any[]): void {
  if (templates.length === 0) return w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const claim of templates) {
    w.write(LEVEL_1, `Name:\t${claim.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${storageClassOf(claim)}\n`);
    printLabelsMultiline(w, 'Labels', claim.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', claim.metadata?.annotations, '  ');
    w.write(LEVEL_1, `Capacity:\t${claim.spec?.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(claim.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}
