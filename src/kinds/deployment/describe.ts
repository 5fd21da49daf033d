import type { KObject } from '../../api/types';
import { findNewReplicaSet, oldestFirst } from './controller/replicasets';
import { isControlledBy } from '../ownership';
import { selectorText } from '../../printers/columns/common';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { describePodTemplate } from '../../printers/describe/pod-spec';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from '../../printers/describe/writer';

export function describeDeployment(d: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? 'default'}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 1} desired | ${n(status.updatedReplicas)} updated | ${n(status.replicas)} total | ${n(status.availableReplicas)} available | ${n(status.unavailableReplicas)} unavailable\n`);
  const strategy = spec.strategy?.type ?? 'RollingUpdate';
  w.write(LEVEL_0, `StrategyType:\t${strategy}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  if (strategy === 'RollingUpdate') {
    const ru = spec.strategy?.rollingUpdate ?? {};
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge\n`);
  }
  describePodTemplate(w, spec.template);
  describeConditions(w, status.conditions);
  const owned = (ctx.replicaSets ?? []).filter((rs) => isControlledBy(rs, d)).sort(oldestFirst);
  const newRS = findNewReplicaSet(d, owned);
  // kubectl lists only old ReplicaSets that are still asked for pods.
  const old = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 1) !== 0);
  w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(old)}\n`);
  w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** Deployment and ReplicaSet conditions: Type, Status, Reason. */
export function describeConditions(w: DescribeWriter, conditions: any[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function replicaSetsText(list: KObject[]): string {
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ') || '<none>';
}
