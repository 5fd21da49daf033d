import { terminationGraceSeconds } from '../../api/pod-status';
import type { KObject } from '../../api/types';
import { age } from '../../printers/age';
import { controllerOf, describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from '../../printers/describe/common';
import { describeContainers } from '../../printers/describe/containers';
import type { DescribeContext } from '../../printers/describe/context';
import { describeVolumes, printTolerations } from '../../printers/describe/pod-spec';
import { qosClass } from '../../printers/describe/qos';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from '../../printers/describe/writer';

export function describePod(pod: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? 'default'}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  // Every kctl pod runs on the local Docker engine, its ports published on the loopback address.
  w.write(LEVEL_0, `Node:\t${spec.nodeName || 'localhost'}/${status.hostIP || '127.0.0.1'}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  const deletion = pod.metadata.deletionTimestamp;
  if (deletion && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${age(deletion, ctx.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${terminationGraceSeconds(pod)}s\n`);
  } else w.write(LEVEL_0, `Status:\t${status.phase ?? 'Pending'}\n`);
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips: string[] = (status.podIPs ?? []).map((p: any) => p.ip);
  if (ips.length === 0 && status.podIP) ips.push(status.podIP);
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip}\n`);
  }
  const owner = controllerOf(pod);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], '', pod);
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], '', pod);
  if (spec.ephemeralContainers?.length) describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses ?? [], '', pod);
  const conditions: any[] = status.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes ?? [], '');
  w.write(LEVEL_0, `QoS Class:\t${qosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerations(w, spec.tolerations ?? []);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
