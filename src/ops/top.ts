/**
 * `kctl top pods` (NAME CPU(cores) MEMORY(bytes), as kubectl top pod) and `kctl top` (the namespace's total):
 * what the running containers use now, from the pod backend (PodBackend.usage).
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { parseSelector } from '../api/selector';
import { NotFoundError, UsageError } from '../errors';
import type { PodUsage } from '../backends/backend';

export interface TopOptions {
  selector?: string;
  allNamespaces?: boolean;
  containers?: boolean;
  sortBy?: string;
  headers: boolean;
}

export async function runTopPods(f: Factory, name: string | undefined, opts: TopOptions): Promise<void> {
  const { formatCpu, formatMemory } = require('../kinds/horizontalpodautoscaler/controller/usage') as typeof import('../kinds/horizontalpodautoscaler/controller/usage');
  const { renderTable } = require('../printers/table') as typeof import('../printers/table');
  if (opts.sortBy !== undefined && opts.sortBy !== 'cpu' && opts.sortBy !== 'memory') throw new UsageError(`--sort-by accepts only cpu or memory`);
  const ns = opts.allNamespaces ? undefined : f.namespace();
  let pods = f.store().read().list('Pod', ns, opts.selector ? parseSelector(opts.selector) : undefined);
  if (name !== undefined) {
    pods = pods.filter((p) => p.metadata.name === name);
    if (pods.length === 0) throw new NotFoundError(`pods "${name}" not found`);
  }
  const usage = await measure(f, pods);
  if (name !== undefined && !usage.has(pods[0].metadata.uid ?? '')) throw new NotFoundError(`Metrics not available for pod ${pods[0].metadata.namespace}/${name}`, 'its containers are not running');
  const measured = pods.filter((p) => usage.has(p.metadata.uid ?? '')).map((pod) => ({ pod, usage: usage.get(pod.metadata.uid ?? '')! }));
  if (measured.length === 0) {
    f.stderr.write(ns === undefined ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
    return;
  }
  if (opts.sortBy === 'cpu') measured.sort((a, b) => b.usage.cpuMillis - a.usage.cpuMillis);
  if (opts.sortBy === 'memory') measured.sort((a, b) => b.usage.memoryBytes - a.usage.memoryBytes);
  const prefix = (pod: KObject) => (ns === undefined ? [pod.metadata.namespace ?? 'default'] : []);
  const nsHeader = ns === undefined ? ['NAMESPACE'] : [];
  if (opts.containers) {
    const inSpecOrder = (pod: KObject, u: PodUsage) => ((pod.spec?.containers ?? []) as { name: string }[]).map((c) => c.name).filter((c) => u.containers[c]);
    const rows = measured.flatMap(({ pod, usage: u }) => inSpecOrder(pod, u).map((c) => [...prefix(pod), pod.metadata.name, c, formatCpu(u.containers[c].cpuMillis), formatMemory(u.containers[c].memoryBytes)]));
    f.stdout.write(renderTable([...nsHeader, 'POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'], rows, { noHeaders: !opts.headers }));
    return;
  }
  const rows = measured.map(({ pod, usage: u }) => [...prefix(pod), pod.metadata.name, formatCpu(u.cpuMillis), formatMemory(u.memoryBytes)]);
  f.stdout.write(renderTable([...nsHeader, 'NAME', 'CPU(cores)', 'MEMORY(bytes)'], rows, { noHeaders: !opts.headers }));
}

/** One line per namespace: its pods with running containers and what they use together. */
export async function runTopNamespace(f: Factory, opts: Pick<TopOptions, 'allNamespaces' | 'headers'>): Promise<void> {
  const { formatCpu, formatMemory } = require('../kinds/horizontalpodautoscaler/controller/usage') as typeof import('../kinds/horizontalpodautoscaler/controller/usage');
  const { renderTable } = require('../printers/table') as typeof import('../printers/table');
  const ns = opts.allNamespaces ? undefined : f.namespace();
  const pods = f.store().read().list('Pod', ns);
  const usage = await measure(f, pods);
  const totals = new Map<string, { pods: number; cpu: number; memory: number }>();
  if (ns !== undefined) totals.set(ns, { pods: 0, cpu: 0, memory: 0 });
  for (const pod of pods) {
    const u = usage.get(pod.metadata.uid ?? '');
    if (!u) continue;
    const key = pod.metadata.namespace ?? 'default';
    const t = totals.get(key) ?? { pods: 0, cpu: 0, memory: 0 };
    totals.set(key, { pods: t.pods + 1, cpu: t.cpu + u.cpuMillis, memory: t.memory + u.memoryBytes });
  }
  const rows = [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([name, t]) => [name, String(t.pods), formatCpu(t.cpu), formatMemory(t.memory)]);
  f.stdout.write(renderTable(['NAMESPACE', 'PODS', 'CPU(cores)', 'MEMORY(bytes)'], rows, { noHeaders: !opts.headers }));
}

async function measure(f: Factory, pods: KObject[]): Promise<Map<string, PodUsage>> {
  if (pods.length === 0) return new Map();
  const { podBackend } = require('../app/controller-context') as typeof import('../app/controller-context');
  return (await podBackend(f)).usage(pods);
}
