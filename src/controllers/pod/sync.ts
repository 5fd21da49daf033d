/**
 * One level-based step for one Pod: compare its spec with the containers Docker lists for it, act
 * (pull, create, start, restart with back-off, stop and remove), and return the status to persist.
 * It never trusts memory: everything is derived from the Pod object and the containers' labels, so a crash
 * between any two Docker calls is finished by the next pass.
 */
import type { KObject } from '../../api/types';
import { LABEL, RuntimeError, type ContainerInfo } from '../../runtime/runtime';
import type { ControllerContext } from '../context';
import { networkName } from '../scope';
import { nextBackoff, type Backoff } from './backoff';
import { buildContainerSpec } from './container-spec';
import { stateOf, terminatedState, type ContainerStatus } from './container-status';
import type { ImageCache } from './images';
import { podPhase, readyCondition } from './phase';
import { evaluateProbes, type ProbeRecord } from './probes';

export interface PodEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface PodOutcome {
  /** The Pod is gone from Docker and can be removed from the state. */
  remove?: boolean;
  status?: any;
  events: PodEvent[];
  requeueAfterMs?: number;
}

/** Per-container bookkeeping kept in status.kctl (Kubernetes keeps it in the kubelet's memory). */
interface ContainerRecord {
  probes?: ProbeRecord;
  backoff?: Backoff;
  /** The container id whose exit `backoff` was computed for, so a pass never counts one exit twice. */
  backoffFor?: string;
  pullBackoff?: Backoff;
}

export interface PassCaches {
  images: ImageCache;
  networks: Map<string, Promise<void>>;
}

export async function syncPod(ctx: ControllerContext, pod: KObject, actual: ContainerInfo[], caches: PassCaches): Promise<PodOutcome> {
  if (pod.metadata.deletionTimestamp) return terminatePod(ctx, pod, actual);
  const now = ctx.now();
  const events: PodEvent[] = [];
  const records: Record<string, ContainerRecord> = structuredClone(pod.status?.kctl?.containers ?? {});
  const previous: ContainerStatus[] = pod.status?.containerStatuses ?? [];
  const statuses: ContainerStatus[] = [];
  let requeueAt: number | undefined;
  const requeue = (at: number) => (requeueAt = requeueAt === undefined ? at : Math.min(requeueAt, at));

  const ns = pod.metadata.namespace ?? 'default';
  const network = networkName(ctx.scope, ns);
  await ensureNetwork(ctx, caches, network, ns);

  let networkOwner: ContainerInfo | undefined;
  for (const [index, container] of (pod.spec.containers as any[]).entries()) {
    const mine = actual.filter((c) => c.labels[LABEL.container] === container.name && c.labels[LABEL.role] !== 'init').sort((a, b) => attemptOf(b) - attemptOf(a));
    const record = (records[container.name] ??= {});
    const prev = previous.find((s) => s.name === container.name);
    let latest: ContainerInfo | undefined = mine[0];
    const status: ContainerStatus = { name: container.name, image: container.image, ready: false, started: false, restartCount: prev?.restartCount ?? 0, state: { waiting: { reason: 'ContainerCreating' } }, lastState: prev?.lastState ?? {} };

    // Containers older than the previous attempt are kept by nobody (logs --previous needs only one).
    for (const old of mine.slice(2)) await removeQuietly(ctx, old.id);

    if (latest?.status === 'created') {
      await ctx.runtime.startContainer(latest.id);
      events.push({ type: 'Normal', reason: 'Started', message: `Started container ${container.name}` });
      latest = (await ctx.runtime.inspectContainer(latest.id)) ?? latest;
    }

    if (latest && isExited(latest) && shouldRestart(pod, latest)) {
      if (record.backoffFor !== latest.id) {
        record.backoff = nextBackoff(record.backoff, latest.startedAt, latest.finishedAt, now);
        record.backoffFor = latest.id;
      }
      status.lastState = terminatedState(latest);
      status.restartCount = attemptOf(latest);
      const until = record.backoff?.until ? Date.parse(record.backoff.until) : 0;
      if (until > now.getTime()) {
        status.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${Math.round((until - Date.parse(latest.finishedAt ?? now.toISOString())) / 1000)}s restarting failed container=${container.name} pod=${pod.metadata.name}(${pod.metadata.uid})` } };
        status.containerID = `docker://${latest.id}`;
        events.push({ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container' });
        requeue(until);
        statuses.push(status);
        continue;
      }
      latest = undefined; // restart now: a new container for the next attempt
    }

    if (!latest) {
      const attempt = nextAttempt(mine, prev);
      const started = await startNewContainer(ctx, pod, container, index, attempt, network, networkOwner, caches, record, events, now);
      if ('waiting' in started) {
        status.state = { waiting: started.waiting };
        if (started.retryAt) requeue(started.retryAt);
        statuses.push(status);
        continue;
      }
      latest = started.info;
      status.restartCount = attempt;
    } else {
      status.restartCount = Math.max(status.restartCount, attemptOf(latest));
    }

    status.containerID = `docker://${latest.id}`;
    status.imageID = latest.image;
    status.state = stateOf(latest);
    if (latest.status === 'running') {
      const probes = await evaluateProbes(ctx, pod, container, latest, (record.probes ??= {}), now);
      events.push(...probes.events);
      if (probes.nextAt !== undefined) requeue(probes.nextAt);
      if (probes.restart) {
        // The kubelet kills the container; the next pass sees it exited and restarts it per restartPolicy.
        events.push({ type: 'Normal', reason: 'Killing', message: probes.restart.message });
        await ctx.runtime.stopContainer(latest.id, pod.spec.terminationGracePeriodSeconds ?? 30);
        record.probes = {};
        requeue(now.getTime());
      }
      status.started = probes.started;
      status.ready = probes.ready && !probes.restart;
    }
    if (index === 0) networkOwner = latest;
    statuses.push(status);
  }

  const kctl = { containers: records, ports: networkOwner?.ports ?? [] };
  const phase = podPhase(pod, statuses);
  const readyNow = statuses.length > 0 && statuses.every((s) => s.ready);
  const newStatus = {
    phase,
    conditions: readyCondition(pod.status?.conditions, readyNow, now),
    hostIP: ctx.publishAddress,
    podIP: networkOwner?.ip ?? pod.status?.podIP,
    startTime: pod.status?.startTime ?? now.toISOString(),
    containerStatuses: statuses,
    kctl,
  };
  return { status: newStatus, events, requeueAfterMs: requeueAt === undefined ? undefined : Math.max(0, requeueAt - now.getTime()) };
}

function attemptOf(c: ContainerInfo): number {
  return Number(c.labels[LABEL.attempt] ?? 0) || 0;
}

function isExited(c: ContainerInfo): boolean {
  return c.status === 'exited' || c.status === 'dead';
}

function shouldRestart(pod: KObject, c: ContainerInfo): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && (c.exitCode ?? 0) !== 0);
}

/** A container that existed before and is gone (removed behind kctl's back) counts as a restart. */
function nextAttempt(mine: ContainerInfo[], prev: ContainerStatus | undefined): number {
  const seen = mine.length ? attemptOf(mine[0]) + 1 : 0;
  const recorded = prev?.containerID ? prev.restartCount + 1 : 0;
  return Math.max(seen, recorded);
}

type Started = { info: ContainerInfo } | { waiting: { reason: string; message?: string }; retryAt?: number };

async function startNewContainer(
  ctx: ControllerContext,
  pod: KObject,
  container: any,
  index: number,
  attempt: number,
  network: string,
  networkOwner: ContainerInfo | undefined,
  caches: PassCaches,
  record: ContainerRecord,
  events: PodEvent[],
  now: Date,
): Promise<Started> {
  const pullUntil = record.pullBackoff?.until ? Date.parse(record.pullBackoff.until) : 0;
  if (pullUntil > now.getTime()) {
    return { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${container.image}"` }, retryAt: pullUntil };
  }
  const image = await caches.images.ensure(container.image, container.imagePullPolicy);
  if (!image.ok) {
    record.pullBackoff = nextBackoff(record.pullBackoff, undefined, undefined, now);
    record.pullBackoff.until ??= new Date(now.getTime() + 1000 * (record.pullBackoff.seconds / 2 || 5)).toISOString();
    events.push({ type: 'Warning', reason: image.reason === 'ErrImageNeverPull' ? 'ErrImageNeverPull' : 'Failed', message: image.message });
    return { waiting: { reason: image.reason, message: image.message }, retryAt: Date.parse(record.pullBackoff.until) };
  }
  delete record.pullBackoff;
  if (image.warning) events.push({ type: 'Warning', reason: 'Failed', message: image.warning });
  if (image.pulled) events.push({ type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${container.image}"` });

  const sharedNetwork = index > 0 && networkOwner ? `container:${networkOwner.id}` : network;
  const spec = buildContainerSpec({ pod, container, role: 'app', attempt, scope: ctx.scope, network: sharedNetwork, publishAddress: ctx.publishAddress, env: plainEnv(container) });
  let id: string;
  try {
    id = await ctx.runtime.createContainer(spec);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    if (e.statusCode === 409) {
      // Created by an earlier pass that crashed before listing could see it: adopt it next pass.
      return { waiting: { reason: 'ContainerCreating' }, retryAt: now.getTime() };
    }
    events.push({ type: 'Warning', reason: 'Failed', message: `Error: ${e.message}` });
    return { waiting: { reason: 'CreateContainerError', message: e.message }, retryAt: now.getTime() + 10_000 };
  }
  events.push({ type: 'Normal', reason: 'Created', message: `Created container ${container.name}` });
  try {
    await ctx.runtime.startContainer(id);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    await removeQuietly(ctx, id);
    events.push({ type: 'Warning', reason: 'Failed', message: `Error: ${e.message}` });
    return { waiting: { reason: 'RunContainerError', message: e.message }, retryAt: now.getTime() + 10_000 };
  }
  events.push({ type: 'Normal', reason: 'Started', message: `Started container ${container.name}` });
  const info = await ctx.runtime.inspectContainer(id);
  if (!info) return { waiting: { reason: 'ContainerCreating' }, retryAt: now.getTime() };
  return { info };
}

function plainEnv(container: any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = String(e.value);
  return env;
}

async function ensureNetwork(ctx: ControllerContext, caches: PassCaches, name: string, namespace: string): Promise<void> {
  let p = caches.networks.get(name);
  if (!p) {
    p = ctx.runtime.ensureNetwork(name, { ...ctx.scope.labels, [LABEL.namespace]: namespace });
    caches.networks.set(name, p);
  }
  await p;
}

async function removeQuietly(ctx: ControllerContext, id: string): Promise<void> {
  try {
    await ctx.runtime.removeContainer(id);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
  }
}

/** Deleting a Pod: SIGTERM, the grace period, SIGKILL, then remove; the Pod object goes when nothing is left. */
async function terminatePod(ctx: ControllerContext, pod: KObject, actual: ContainerInfo[]): Promise<PodOutcome> {
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  await Promise.all(
    actual.map(async (c) => {
      if (c.status === 'running' || c.status === 'paused' || c.status === 'restarting') await ctx.runtime.stopContainer(c.id, grace);
      await removeQuietly(ctx, c.id);
    }),
  );
  const events: PodEvent[] = actual.some((c) => c.status === 'running') ? [{ type: 'Normal', reason: 'Killing', message: `Stopping container ${actual.map((c) => c.labels[LABEL.container]).join(', ')}` }] : [];
  return { remove: true, events };
}
