/**
 * One level-based step for one Pod: compare its spec with the containers Docker lists for it, act, and return
 * the status to persist. In order: place it (scheduling.ts), make its volumes (volumes/), its sandbox
 * (sandbox.ts), then run its init containers one at a time to success, then its app containers
 * (container-step.ts), with probes on the running ones. It never trusts memory: everything is derived from
 * the Pod object and the containers' labels, so a crash between any two Docker calls is finished by the next pass.
 */
import type { KObject } from '../../../api/types';
import { LABEL, type ContainerInfo, type PortBinding } from '../../../runtime/runtime';
import type { LocalContext } from '../context';
import { stateLookup } from '../../../kinds/pod/config/sources';
import { MountError, preparePodVolumes, type PodVolumes } from '../volumes/pod-volumes';
import { claimSource } from '../../../kinds/persistentvolume/source';
import { networkName } from '../scope';
import type { ContainerStatus } from './container-status';
import { podPorts } from './container-spec';
import { stepContainer, type StepResult } from './container-step';
import { CONFIG_RETRY_MS, type Placement } from './create';
import type { PodOutcome } from '../../backend';
import { newPodPass, warnOnce, type PassCaches, type PodPass } from './pass';
import { podConditions, podPhase, unschedulableConditions } from './phase';
import { evaluateProbes } from './probes';
import { ensureSandbox, PORT_RETRY_MS } from './sandbox';
import { isScheduled, unschedulableReason } from './scheduling';
import { releaseSandbox, terminatePod } from './terminate';
import { withLateOomKills } from './late-oom';
import { podSecurityDenial } from '../../../kinds/pod/security/admission';

export async function syncPod(ctx: LocalContext, pod: KObject, actual: ContainerInfo[], caches: PassCaches): Promise<PodOutcome> {
  if (pod.metadata.deletionTimestamp) return terminatePod(ctx, pod, actual);
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    await releaseSandbox(ctx, actual);
    return { events: [], status: withLateOomKills(pod, actual) };
  }
  const pass = newPodPass(ctx, pod, caches);
  // Admission once more before anything of the pod is made: a pod can reach the state without the front door
  // (a file edited by hand, a namespace tightened before it started). Running pods keep running, as on a cluster.
  const denial = actual.length === 0 ? podSecurityDenial(caches.state, pod) : undefined;
  if (denial) {
    warnOnce(pass, firstContainer(pod), 'FailedCreate', denial, denial);
    pass.requeue(pass.now.getTime() + CONFIG_RETRY_MS);
    return waitingPod(pass, () => ({ reason: 'CreateContainerConfigError', message: denial }));
  }
  if (!isScheduled(pod)) {
    const why = unschedulableReason(pod, caches.state, ctx.publishAddress);
    if (why) return unschedulable(pass, why);
    // Docker refused its ports a moment ago: wait before making a sandbox again (a pass can come every 150 ms).
    const retryAt = Date.parse(pod.status?.kctl?.retryAt ?? '');
    if (retryAt > pass.now.getTime()) return unschedulable(pass, pod.status.conditions[0].message, retryAt);
  }
  const ns = pod.metadata.namespace ?? 'default';
  const network = networkName(ctx.scope, ns);
  await ensureNetwork(ctx, caches, network, ns);

  let volumes: PodVolumes;
  try {
    const claims = (name: string) => claimSource(caches.state, ns, name);
    volumes = preparePodVolumes(ctx, pod, claims, { pod, hostIP: ctx.publishAddress }, stateLookup(caches.state, ns));
  } catch (e) {
    if (!(e instanceof MountError)) throw e;
    warnOnce(pass, firstContainer(pod), 'FailedMount', `MountVolume.SetUp failed for volume "${e.volume}" : ${e.message}`, e.message);
    pass.requeue(pass.now.getTime() + CONFIG_RETRY_MS);
    return waitingPod(pass, () => ({ reason: 'CreateContainerConfigError', message: e.message }));
  }

  const sandboxes = actual.filter((c) => c.labels[LABEL.role] === 'sandbox');
  let containers = actual.filter((c) => c.labels[LABEL.role] !== 'sandbox');
  const sandbox = await ensureSandbox(pass, sandboxes, network, volumes, containers);
  if ('unschedulable' in sandbox) return unschedulable(pass, sandbox.unschedulable, pass.now.getTime() + PORT_RETRY_MS);
  if ('waiting' in sandbox) {
    if (sandbox.retryAt !== undefined) pass.requeue(sandbox.retryAt);
    return waitingPod(pass, (name) => (name === sandbox.container ? sandbox.waiting : { reason: 'ContainerCreating' }));
  }
  // A new sandbox, or a network owner cut off and removed: the pod started over.
  if ('sandbox' in sandbox ? !sandboxes.some((s) => s.id === sandbox.sandbox.id) : sandbox.startOver) containers = [];
  const owner = 'sandbox' in sandbox ? sandbox.sandbox : undefined;
  const placement = (networkOwner: ContainerInfo | undefined, ports: PortBinding[]): Placement => ({
    network: networkOwner ? `container:${networkOwner.id}` : network,
    ports: networkOwner ? [] : ports,
    podIP: owner?.ip ?? networkOwner?.ip,
    volumes,
  });

  const init = { done: true, failed: false };
  const initStatuses: ContainerStatus[] = [];
  for (const container of pod.spec.initContainers ?? []) {
    if (!init.done) {
      initStatuses.push(waitingStatus(pass, container, { reason: 'PodInitializing' }));
      continue;
    }
    const step = await stepContainer(pass, container, 'init', containers, placement(owner, []));
    initStatuses.push(step.status);
    init.failed ||= step.failed;
    init.done = step.done;
  }

  const statuses: ContainerStatus[] = [];
  const running = new Map<string, ContainerInfo>();
  // Without a sandbox the first app container owns the network, and the others join it.
  let appOwner: ContainerInfo | undefined;
  for (const [index, container] of (pod.spec.containers as any[]).entries()) {
    if (!init.done) {
      statuses.push(waitingStatus(pass, container, { reason: 'PodInitializing' }));
      continue;
    }
    const step = await stepContainer(pass, container, 'app', containers, placement(owner ?? appOwner, podPorts(pod, ctx.publishAddress)));
    if (!owner && index === 0) appOwner = step.info;
    if (step.info) running.set(container.name, step.info);
    await probe(pass, container, step, owner ?? appOwner);
    statuses.push(step.status);
  }

  const networkOwner = owner ?? appOwner;
  // Ephemeral containers (kctl debug) join the pod's network, and their target's processes; they do not count for the phase.
  const ephemeralStatuses: ContainerStatus[] = [];
  for (const container of (init.done && networkOwner ? pod.spec.ephemeralContainers : undefined) ?? []) {
    const target = container.targetContainerName ? running.get(container.targetContainerName) : undefined;
    const step = await stepContainer(pass, container, 'ephemeral', containers, { ...placement(networkOwner, []), pid: target ? `container:${target.id}` : undefined });
    ephemeralStatuses.push(step.status);
  }
  const ready = init.done && statuses.length > 0 && statuses.every((s) => s.ready);
  const status: any = {
    phase: podPhase(pod, init, statuses),
    conditions: podConditions(pod.status?.conditions, { initialized: init.done, ready }, pass.now),
    hostIP: ctx.publishAddress,
    // Only the address the pod holds now: a stopped container's old one may already be another container's.
    podIP: networkOwner?.ip,
    startTime: pod.status?.startTime ?? pass.now.toISOString(),
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    ...(ephemeralStatuses.length ? { ephemeralContainerStatuses: ephemeralStatuses } : {}),
    kctl: { containers: pass.records, ports: networkOwner?.ports ?? [] },
  };
  return outcome(pass, status);
}

/** Probes run on running app containers; the pod view they get has this pass's address and ports. */
async function probe(pass: PodPass, container: any, step: StepResult, networkOwner: ContainerInfo | undefined): Promise<void> {
  const { ctx, pod, now } = pass;
  const info = step.info;
  if (info?.status !== 'running') return;
  const view = { ...pod, status: { ...pod.status, podIP: networkOwner?.ip ?? pod.status?.podIP, kctl: { ...pod.status?.kctl, ports: networkOwner?.ports ?? [] } } };
  const record = pass.records[container.name];
  const verdict = await evaluateProbes(ctx, view, container, info, (record.probes ??= {}), now);
  pass.events.push(...verdict.events);
  if (verdict.nextAt !== undefined) pass.requeue(verdict.nextAt);
  if (verdict.restart) {
    // The kubelet kills the container; the next pass sees it exited and restarts it per restartPolicy.
    pass.events.push({ type: 'Normal', reason: 'Killing', message: verdict.restart.message });
    await ctx.runtime.stopContainer(info.id, pod.spec.terminationGracePeriodSeconds ?? 30);
    record.probes = {};
    pass.requeue(now.getTime());
  }
  step.status.started = verdict.started;
  step.status.ready = verdict.ready && !verdict.restart;
}

/** Pending and not placed: no containers, PodScheduled False with the scheduler's message; `retryAt`: not before. */
function unschedulable(pass: PodPass, message: string, retryAt?: number): PodOutcome {
  const { pod, now } = pass;
  const previous = pod.status?.conditions?.find((c: any) => c.type === 'PodScheduled');
  if (previous?.message !== message) pass.events.push({ type: 'Warning', reason: 'FailedScheduling', message });
  pass.requeue(retryAt ?? now.getTime() + PORT_RETRY_MS);
  const kctl = { containers: pass.records, ...(retryAt ? { retryAt: new Date(retryAt).toISOString() } : {}) };
  return outcome(pass, { phase: 'Pending', conditions: unschedulableConditions(pod.status?.conditions, message, now), kctl });
}

/** The container a pod-wide waiting reason is recorded on: the first to start. */
function firstContainer(pod: KObject): string {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers][0].name;
}

/** Nothing could be started yet: every container waits, for the reason `why` gives it. */
function waitingPod(pass: PodPass, why: (container: string) => { reason: string; message?: string }): PodOutcome {
  const { pod, now } = pass;
  const initStatuses = (pod.spec.initContainers ?? []).map((c: any) => waitingStatus(pass, c, why(c.name)));
  const initialized = initStatuses.length === 0;
  const statuses = pod.spec.containers.map((c: any) => waitingStatus(pass, c, initialized ? why(c.name) : { reason: 'PodInitializing' }));
  return outcome(pass, {
    phase: 'Pending',
    conditions: podConditions(pod.status?.conditions, { initialized, ready: false }, now),
    hostIP: pass.ctx.publishAddress,
    startTime: pod.status?.startTime ?? now.toISOString(),
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    kctl: { containers: pass.records, ports: [] },
  });
}

function waitingStatus(pass: PodPass, container: any, waiting: { reason: string; message?: string }): ContainerStatus {
  const prev = pass.previous.get(container.name);
  return { name: container.name, image: container.image, ready: false, started: false, restartCount: prev?.restartCount ?? 0, state: { waiting }, lastState: prev?.lastState ?? {} };
}

function outcome(pass: PodPass, status: any): PodOutcome {
  const at = pass.requeueAt;
  return { status, events: pass.events, requeueAfterMs: at === undefined ? undefined : Math.max(0, at - pass.now.getTime()) };
}

async function ensureNetwork(ctx: LocalContext, caches: PassCaches, name: string, namespace: string): Promise<void> {
  let p = caches.networks.get(name);
  if (!p) {
    p = ctx.runtime.ensureNetwork(name, { ...ctx.scope.labels, [LABEL.namespace]: namespace });
    caches.networks.set(name, p);
  }
  await p;
}
