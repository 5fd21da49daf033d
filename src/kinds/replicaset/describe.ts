import type { KObject } from '../../api/types';
import { isControlledBy } from '../ownership';
import { selectorText } from '../../printers/columns/common';
import { controllerOf, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { describeConditions } from '../deployment/describe';
import { describePodTemplate } from '../../printers/describe/pod-spec';
import { DescribeWriter, LEVEL_0 } from '../../printers/describe/writer';

export function describeReplicaSet(rs: KObject, ctx: DescribeContext): string {
  return describeReplicas(rs, ctx, selectorText(rs.spec?.selector));
}

/** describeReplicaSet's layout, also describeReplicationController's (whose selector is a label map). */
export function describeReplicas(rs: KObject, ctx: DescribeContext, selector: string): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `Selector:\t${selector}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  writePodsStatus(w, ctx, rs);
  describePodTemplate(w, rs.spec?.template);
  describeConditions(w, rs.status?.conditions);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** kubectl's `Pods Status:` line of a pod owner: its pods by phase (getPodStatusForController). */
export function writePodsStatus(w: DescribeWriter, ctx: DescribeContext, owner: KObject): void {
  const phases = (ctx.pods ?? []).filter((p) => isControlledBy(p, owner)).map((p) => p.status?.phase ?? 'Pending');
  const count = (phase: string) => phases.filter((p) => p === phase).length;
  w.write(LEVEL_0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
}
