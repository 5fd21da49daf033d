import type { KObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from '../../printers/describe/writer';

export function describeHPA(hpa: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  const ref = spec.scaleTargetRef ?? {};
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Reference:\t${ref.kind}/${ref.name}\n`);
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m: any, i: number) => describeMetric(w, m, status.currentMetrics?.[i]));
  w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
  if (spec.behavior) {
    w.write(LEVEL_0, 'Behavior:\n');
    describeBehavior(w, 'Scale Up', spec.behavior.scaleUp);
    describeBehavior(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(LEVEL_0, `${ref.kind} pods:\t${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
  const conditions: any[] = status.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** `resource cpu on pods  (as a percentage of request):  30% (15m) / 50%` */
function describeMetric(w: DescribeWriter, m: any, current: any): void {
  if (m.type !== 'Resource') {
    w.write(LEVEL_1, `"${m.type}" (target):\t<unknown> / <unknown>\n`);
    return;
  }
  const target = m.resource?.target ?? {};
  const cur = current?.resource?.current;
  w.write(LEVEL_1, `resource ${m.resource?.name} on pods`);
  if (target.averageValue !== undefined) {
    w.write(LEVEL_0, `:\t${cur?.averageValue ?? '<unknown>'} / ${target.averageValue}\n`);
    return;
  }
  const now = cur?.averageUtilization !== undefined ? `${cur.averageUtilization}% (${cur.averageValue ?? '0'})` : '<unknown>';
  const want = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  w.write(LEVEL_1, `(as a percentage of request):\t${now} / ${want}\n`);
}

function describeBehavior(w: DescribeWriter, direction: string, rules: any): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies) w.write(LEVEL_3, `- Type=${p.type}  Value=${p.value}  Period=${p.periodSeconds} seconds\n`);
  }
}
