/** CPU and memory from the engine's stats samples, computed as `docker stats` computes them. */
import type { ContainerStats } from '../runtime';

export interface CpuSample {
  cpu_usage: { total_usage: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface StatsSample {
  cpu_stats: CpuSample;
  precpu_stats?: CpuSample;
  memory_stats?: { usage?: number; stats?: Record<string, number> };
}

/** True when the sample carries its own previous reading (a one-shot sample does not). */
export function hasPrevious(s: StatsSample): boolean {
  return Boolean(s.precpu_stats?.system_cpu_usage);
}

/** Usage between `before` and `after.cpu_stats`, in cores: the container's share of host CPU time times the CPUs. */
export function containerStats(after: StatsSample, before: CpuSample | undefined = after.precpu_stats): ContainerStats {
  const now = after.cpu_stats;
  const cpuDelta = now.cpu_usage.total_usage - (before?.cpu_usage.total_usage ?? 0);
  const systemDelta = (now.system_cpu_usage ?? 0) - (before?.system_cpu_usage ?? 0);
  const cpus = now.online_cpus || now.cpu_usage.percpu_usage?.length || 1;
  const cpuCores = before?.system_cpu_usage && systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cpus : 0;
  return { cpuCores, memoryBytes: workingSet(after.memory_stats) };
}

/** Memory in use minus reclaimable page cache (cgroup v1 total_inactive_file, v2 inactive_file, else cache). */
function workingSet(m: StatsSample['memory_stats']): number {
  const usage = m?.usage ?? 0;
  const stats = m?.stats ?? {};
  const reclaimable = stats.total_inactive_file ?? stats.inactive_file ?? stats.cache ?? 0;
  return reclaimable < usage ? usage - reclaimable : usage;
}
