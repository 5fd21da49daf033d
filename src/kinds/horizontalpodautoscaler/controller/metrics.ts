/**
 * The metrics pipeline of the autoscaler (metrics-server's job on a cluster), run by the controller process on
 * an interval: what the pods each HPA targets use (the pod backend's usage, Docker's stats), written into the
 * HPA's status.kctl.metrics where the pure controller (sync.ts) reads them.
 */
import type { KObject } from '../../../api/types';
import { fromLabelSelector } from '../../../api/selector';
import type { State } from '../../../store/state';
import type { ControllerContext } from '../../../controllers/context';
import type { MetricsSample } from './sync';

/** Collects and stores one sample for every HPA; false when there is no HPA (nothing was asked of the backend). */
export async function collectHpaMetrics(ctx: ControllerContext): Promise<boolean> {
  const state = ctx.store.read();
  const hpas = state.list('HorizontalPodAutoscaler').filter((h) => !h.metadata.deletionTimestamp);
  if (hpas.length === 0) return false;
  const pods = [...new Map(hpas.flatMap((h) => targetPods(state, h)).map((p) => [p.metadata.uid, p])).values()];
  const usage = await ctx.backend.usage(pods);
  const at = ctx.now().toISOString();
  await ctx.store.update((s) => {
    for (const hpa of s.list('HorizontalPodAutoscaler')) {
      if (hpa.metadata.deletionTimestamp) continue;
      const sample: MetricsSample = { at, pods: {} };
      for (const pod of targetPods(s, hpa)) {
        const u = usage.get(pod.metadata.uid ?? '');
        if (u) sample.pods[pod.metadata.name] = { cpu: u.cpuMillis, memory: u.memoryBytes };
      }
      hpa.status = { ...(hpa.status ?? {}), kctl: { ...(hpa.status?.kctl ?? {}), metrics: sample } };
      s.put(hpa);
    }
  });
  return true;
}

/** The pods of the HPA's target (by its selector), not being deleted. */
function targetPods(state: State, hpa: KObject): KObject[] {
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const target = state.get(ref.kind, hpa.metadata.namespace, ref.name);
  if (!target?.spec?.selector) return [];
  return state.list('Pod', hpa.metadata.namespace ?? 'default', fromLabelSelector(target.spec.selector)).filter((p) => !p.metadata.deletionTimestamp);
}
