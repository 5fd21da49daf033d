/**
 * The local backend's part of one reconcile pass: the claims' volumes, then every Pod of the state against the
 * containers Docker lists for it (one step per Pod, bounded parallelism), the containers and storage nothing owns
 * any more; once the pods' outcomes are written, the in-network Service proxies and the unused namespace networks.
 */
import { LABEL, type ContainerInfo } from '../../runtime/runtime';
import { mapLimit } from '../../util/map-limit';
import type { LocalContext } from './context';
import { ImageCache } from './pod/images';
import { syncPod } from './pod/sync';
import type { PassCaches } from './pod/pass';
import type { KObject } from '../../api/types';
import { DockerUnreachableError } from '../../errors';
import type { PodOutcome, PodsSynced } from '../backend';
import { networkName } from './scope';
import { SERVICE_PROXY_ROLE, type ServiceProxies } from './service/in-network';
import { sweepClaimVolumes, syncClaims } from './volumes/claims';
import { sweepPodStorage } from './volumes/cleanup';

export const DOCKER_PARALLELISM = 8;
/** A pod whose step failed is tried again this much later (or sooner, when something changes). */
const FAILED_SYNC_RETRY_MS = 10_000;

export async function syncPods(ctx: LocalContext, serviceProxies: ServiceProxies): Promise<PodsSynced> {
  await syncClaims(ctx);
  const containers = await ctx.runtime.listContainers(ctx.scope.labels);
  const state = ctx.store.read(); // read after listing: every listed container's Pod is in this snapshot
  const pods = state.list('Pod');
  const byPod = groupBy(containers, (c) => c.labels[LABEL.podUid]);
  const caches = { images: new ImageCache(ctx.runtime), networks: new Map<string, Promise<void>>(), state };

  const outcomes = await mapLimit(pods, DOCKER_PARALLELISM, (pod) => syncAlone(ctx, pod, byPod.get(pod.metadata.uid ?? '') ?? [], caches));
  const known = new Set(pods.map((p) => p.metadata.uid));
  const orphans = containers.filter((c) => c.labels[LABEL.role] !== SERVICE_PROXY_ROLE && !known.has(c.labels[LABEL.podUid]));
  await mapLimit(orphans, DOCKER_PARALLELISM, (c) => removeOrphan(ctx, c));
  await sweepPodStorage(ctx, new Set(pods.filter((p, i) => !outcomes[i].remove).map((p) => p.metadata.uid ?? '')));
  await sweepClaimVolumes(ctx);

  const finish = async () => {
    await serviceProxies.sync(ctx.store.read(), containers);
    await removeUnusedNetworks(ctx);
  };
  return { pods, outcomes, finish };
}

/**
 * One pod's step, whose failure is that pod's alone (the kubelet's "error syncing pod, skipping"): a warning
 * event on it and a retry later, while the pass goes on for the others. Only an engine that went away stops it.
 */
async function syncAlone(ctx: LocalContext, pod: KObject, actual: ContainerInfo[], caches: PassCaches): Promise<PodOutcome> {
  try {
    return await syncPod(ctx, pod, actual, caches);
  } catch (e) {
    if (e instanceof DockerUnreachableError) throw e;
    ctx.log(1, `error syncing pod ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}: ${(e as Error).stack ?? e}`);
    return { events: [{ type: 'Warning', reason: 'FailedSync', message: `error syncing pod, skipping: ${(e as Error).message}` }], requeueAfterMs: FAILED_SYNC_RETRY_MS };
  }
}

/** A container whose Pod is not in the state (the state was reset, or a crash lost it): nothing owns it. */
async function removeOrphan(ctx: LocalContext, c: ContainerInfo): Promise<void> {
  ctx.log(2, `removing orphan container ${c.name}`);
  if (c.status === 'running') await ctx.runtime.stopContainer(c.id, 2);
  await ctx.runtime.removeContainer(c.id);
}

/** A namespace network goes when no Pod of that namespace is left; the next Pod there makes it again. */
async function removeUnusedNetworks(ctx: LocalContext): Promise<void> {
  const pods = ctx.store.read().list('Pod');
  const wanted = new Set(pods.map((p) => networkName(ctx.scope, p.metadata.namespace ?? 'default')));
  for (const name of await ctx.runtime.listNetworks(ctx.scope.labels)) {
    if (!wanted.has(name)) await ctx.runtime.removeNetwork(name);
  }
}

function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item) ?? '';
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}
