/** `kubectl describe node` for the one node: its conditions, capacity, system info and the pods it runs. */
import type { KObject } from '../../api/types';
import { isPodActive } from '../../api/pod-status';
import { parseCpu, parseMemory } from '../../api/quantity';
import { age } from '../../printers/age';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from '../../printers/describe/common';
import type { DescribeContext } from '../../printers/describe/context';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from '../../printers/describe/writer';

export function describeNode(node: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const status = node.status ?? {};
  const roles = Object.keys(node.metadata.labels ?? {}).filter((l) => l.startsWith('node-role.kubernetes.io/')).map((l) => l.slice('node-role.kubernetes.io/'.length));
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${roles.join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, 'Taints:\t<none>\n');
  w.write(LEVEL_0, 'Unschedulable:\tfalse\n');
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of status.conditions ?? []) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastHeartbeatTime)}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason}\t${c.message}\n`);
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    w.write(LEVEL_0, `${title}:\n`);
    for (const [name, value] of Object.entries(list ?? {})) w.write(LEVEL_1, `${name}:\t${value}\n`);
  }
  const info = status.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  const system: [string, string][] = [
    ['Kernel Version', info.kernelVersion],
    ['OS Image', info.osImage],
    ['Operating System', info.operatingSystem],
    ['Architecture', info.architecture],
    ['Container Runtime Version', info.containerRuntimeVersion],
    ['Kubelet Version', info.kubeletVersion],
    ['Kube-Proxy Version', info.kubeProxyVersion],
  ];
  for (const [name, value] of system) w.write(LEVEL_1, `${name}:\t${value ?? ''}\n`);
  describePods(w, node, (ctx.pods ?? []).filter(isPodActive), ctx.now);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** The pods table and their sums against what the node has, as kubectl prints them. */
function describePods(w: DescribeWriter, node: KObject, pods: KObject[], now: Date): void {
  const cpuCapacity = parseCpu(node.status?.allocatable?.cpu ?? '0');
  const memoryCapacity = parseMemory(node.status?.allocatable?.memory ?? '0');
  const cpu = (m: number) => `${m % 1000 === 0 ? m / 1000 : `${m}m`} (${percent(m, cpuCapacity)}%)`;
  const memory = (bytes: number) => `${binaryQuantity(bytes)} (${percent(bytes, memoryCapacity)}%)`;
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { cpuRequests: 0, cpuLimits: 0, memoryRequests: 0, memoryLimits: 0 };
  for (const pod of pods) {
    const sums = podResources(pod);
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += sums[key];
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t${cpu(sums.cpuRequests)}\t${cpu(sums.cpuLimits)}\t${memory(sums.memoryRequests)}\t${memory(sums.memoryLimits)}\t${age(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  w.write(LEVEL_1, `cpu\t${cpu(total.cpuRequests)}\t${cpu(total.cpuLimits)}\n`);
  w.write(LEVEL_1, `memory\t${memory(total.memoryRequests)}\t${memory(total.memoryLimits)}\n`);
}

/** A pod's requests and limits: the sum over its containers (a limit without a request requests the limit). */
function podResources(pod: KObject) {
  const sums = { cpuRequests: 0, cpuLimits: 0, memoryRequests: 0, memoryLimits: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const limits = c.resources?.limits ?? {};
    const requests = { ...limits, ...(c.resources?.requests ?? {}) };
    sums.cpuRequests += requests.cpu !== undefined ? parseCpu(requests.cpu) : 0;
    sums.cpuLimits += limits.cpu !== undefined ? parseCpu(limits.cpu) : 0;
    sums.memoryRequests += requests.memory !== undefined ? parseMemory(requests.memory) : 0;
    sums.memoryLimits += limits.memory !== undefined ? parseMemory(limits.memory) : 0;
  }
  return sums;
}

function percent(value: number, capacity: number): number {
  return capacity > 0 ? Math.floor((value * 100) / capacity) : 0;
}

/** Bytes as Kubernetes prints a binary quantity: the largest suffix that divides it (64Mi, 1536Ki, 1000). */
function binaryQuantity(bytes: number): string {
  const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let i = 0;
  while (i < suffixes.length - 1 && bytes !== 0 && bytes % 1024 ** (i + 1) === 0) i++;
  return `${bytes / 1024 ** i}${suffixes[i]}`;
}
