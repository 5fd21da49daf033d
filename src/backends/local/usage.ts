/**
 * What pods use now, from Docker's stats (the metrics-server of a cluster): CPU in millicores and memory in
 * bytes, per container and summed per pod. Shared by the autoscaler's metrics collection and `kctl top`.
 */
import type { KObject } from '../../api/types';
import { LABEL, RuntimeError, type ContainerInfo, type ContainerRuntime } from '../../runtime/runtime';
import { mapLimit } from '../../util/map-limit';
import type { PodUsage } from '../backend';

/** Stats calls at once: each takes two samples half a second apart on Docker. */
const STATS_PARALLELISM = 8;

/** Usage of the running containers of `pods`, by pod uid; pods with no running container are absent. */
export async function podUsage(runtime: ContainerRuntime, pods: KObject[], containers: ContainerInfo[]): Promise<Map<string, PodUsage>> {
  const uids = new Set(pods.map((p) => p.metadata.uid));
  // App containers only: the sandbox holds the network and uses next to nothing; init containers are done.
  const running = containers.filter((c) => c.status === 'running' && uids.has(c.labels[LABEL.podUid]) && c.labels[LABEL.role] === 'app');
  const samples = await mapLimit(running, STATS_PARALLELISM, async (c) => {
    try {
      return await runtime.stats(c.id);
    } catch (e) {
      if (e instanceof RuntimeError) return undefined; // stopped or removed meanwhile: no sample, as metrics-server
      throw e;
    }
  });
  const out = new Map<string, PodUsage>();
  running.forEach((c, i) => {
    const sample = samples[i];
    if (!sample) return;
    const uid = c.labels[LABEL.podUid];
    const pod = out.get(uid) ?? { cpuMillis: 0, memoryBytes: 0, containers: {} };
    const usage = { cpuMillis: Math.round(sample.cpuCores * 1000), memoryBytes: sample.memoryBytes };
    pod.containers[c.labels[LABEL.container]] = usage;
    pod.cpuMillis += usage.cpuMillis;
    pod.memoryBytes += usage.memoryBytes;
    out.set(uid, pod);
  });
  return out;
}
