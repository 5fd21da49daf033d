/**
 * Deleting a Pod: its containers get SIGTERM, the grace period, then SIGKILL; the sandbox goes last (it only
 * holds the network), then the pod's own storage. The Pod object goes when nothing is left.
 */
import type { KObject } from '../../../api/types';
import { terminationGraceSeconds } from '../../../api/pod-status';
import { LABEL, type ContainerInfo } from '../../../runtime/runtime';
import type { LocalContext } from '../context';
import { drainRemainingMs } from '../../../kinds/service/proxy/drain';
import { removePodStorage } from '../volumes/cleanup';
import type { PodEvent, PodOutcome } from '../../backend';

export async function terminatePod(ctx: LocalContext, pod: KObject, actual: ContainerInfo[]): Promise<PodOutcome> {
  // A Service endpoint first drains: proxies stop choosing it and its open connections finish (controllers/service/drain.ts).
  const drainMs = actual.some((c) => c.status === 'running') ? drainRemainingMs(ctx.store.read(), pod, ctx.now()) : 0;
  if (drainMs > 0) return { events: [], requeueAfterMs: drainMs };
  const grace = terminationGraceSeconds(pod);
  const sandboxes = actual.filter((c) => c.labels[LABEL.role] === 'sandbox');
  const containers = actual.filter((c) => c.labels[LABEL.role] !== 'sandbox');
  const running = containers.filter((c) => c.status === 'running' || c.status === 'paused' || c.status === 'restarting');
  await Promise.all(containers.map(async (c) => {
    if (running.includes(c)) await ctx.runtime.stopContainer(c.id, grace);
    await ctx.runtime.removeContainer(c.id);
  }));
  await Promise.all(sandboxes.map((c) => ctx.runtime.removeContainer(c.id)));
  await removePodStorage(ctx, pod.metadata.uid ?? '');
  const events: PodEvent[] = running.length ? [{ type: 'Normal', reason: 'Killing', message: `Stopping container ${running.map((c) => c.labels[LABEL.container]).join(', ')}` }] : [];
  return { remove: true, events };
}

/** A finished pod (Succeeded or Failed) keeps its containers for logs but frees its network and ports. */
export async function releaseSandbox(ctx: LocalContext, actual: ContainerInfo[]): Promise<void> {
  await Promise.all(actual.filter((c) => c.labels[LABEL.role] === 'sandbox').map((c) => ctx.runtime.removeContainer(c.id)));
}
