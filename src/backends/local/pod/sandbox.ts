/**
 * The pod sandbox: one small container per pod that owns the pod's network namespace (its IP, DNS alias,
 * hostname and published ports) and holds its emptyDir volumes, as Kubernetes' pause container does. The
 * pod's containers join it (`container:<sandbox>`), so they reach each other on localhost and each can be
 * restarted on its own without the pod losing its IP or ports.
 *
 * Only pods that need one get a sandbox (needsSandbox): a pod of one container with nothing to share is one
 * Docker container that owns its network itself, as `docker run` would make it. That halves the Docker calls
 * of the common Deployment; the price is that such a pod's IP may change when its container is restarted.
 *
 * No image has to exist for a sandbox: it is created from an image the pod uses anyway, with a tiny static
 * pause executable (pause-binary.ts) copied in before it starts. That needs no registry, no build and no
 * busybox on the host, and works on any engine (Docker Desktop, remote ones). When the engine's architecture
 * has no pause executable, or the runtime cannot copy files, every pod falls back to that arrangement where its
 * first app container owns the network (and restarting that container restarts the pod's network).
 */
import type { KObject } from '../../../api/types';
import { RuntimeError, type ContainerInfo } from '../../../runtime/runtime';
import type { PodVolumes } from '../volumes/pod-volumes';
import { buildContainerSpec, podPorts } from './container-spec';
import { attemptOf, containersOf } from './container-step';
import { removeQuietly } from './create';
import { ensureImage, type Waiting } from './image-step';
import type { PodPass } from './pass';
import { pauseBinary } from './pause-binary';

const PAUSE_DIR = '/.kctl';
const PAUSE_PATH = `${PAUSE_DIR}/pause`;
/** How soon a sandbox that could not be made (a port in use, an engine error) is tried again. */
export const PORT_RETRY_MS = 10_000;

export type SandboxResult =
  | { sandbox: ContainerInfo }
  /** No sandbox (not needed, or not possible on this engine): the first app container owns the network.
   *  `startOver`: that container was cut off from its network and removed with the rest of the pod's. */
  | { noSandbox: true; startOver?: boolean }
  /** Its image cannot be had yet; `container` is the pod container whose image it is. */
  | (Waiting & { container: string })
  /** Its ports cannot be published: the pod stays Pending. */
  | { unschedulable: string };

/** Per runtime: the pause executable for its engine, or undefined when there is none. */
const binaries = new WeakMap<object, Promise<Buffer | undefined>>();

export async function ensureSandbox(pass: PodPass, sandboxes: ContainerInfo[], network: string, volumes: PodVolumes, others: ContainerInfo[]): Promise<SandboxResult> {
  const { ctx, pod, now } = pass;
  if (sandboxes.length === 0 && !needsSandbox(pod)) return ownNetwork(pass, others);
  const pause = await pauseFor(pass);
  if (!pause) return ownNetwork(pass, others);
  const [latest, ...older] = [...sandboxes].sort((a, b) => attemptOf(b) - attemptOf(a));
  for (const old of older) await removeQuietly(pass, old.id);
  // Running without an address: its network was removed behind kctl's back, and nothing reaches the pod.
  if (latest?.status === 'running' && latest.ip) return { sandbox: latest };
  // Dead, cut off, or created by a pass that stopped before starting it, or never there (containers of a kctl
  // that made no sandboxes): the pod's containers joined another network namespace, so the pod starts over.
  if (latest?.startedAt) pass.events.push({ type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.' });
  await Promise.all([...(latest ? [latest] : []), ...others].map((c) => removeQuietly(pass, c.id)));

  const first = [...(pod.spec.initContainers ?? []), ...pod.spec.containers][0];
  const image = await ensureImage(pass, first, (pass.records[first.name] ??= {}));
  if ('waiting' in image) return { ...image, container: first.name };
  const attempt = latest ? attemptOf(latest) + 1 : 0;
  await volumes.ensureDockerVolumes();
  const spec = buildContainerSpec({ pod, image: first.image, role: 'sandbox', attempt, scope: ctx.scope, network, ports: podPorts(pod, ctx.publishAddress), extra: { command: [PAUSE_PATH], args: [], mounts: volumes.sandboxMounts }, state: pass.caches.state });
  let id: string | undefined;
  try {
    id = await ctx.runtime.createContainer(spec);
    await ctx.runtime.putFiles!(id, PAUSE_DIR, [{ path: 'pause', content: pause, mode: 0o755 }]);
    await ctx.runtime.startContainer(id);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    if (id) await removeQuietly(pass, id);
    if (e.statusCode === 409) return { waiting: { reason: 'ContainerCreating' }, retryAt: now.getTime(), container: first.name }; // a crashed pass made it: next pass
    if (isPortConflict(e.message)) return { unschedulable: `${portsInUse(pod)} already in use on this machine: ${e.message}` };
    pass.events.push({ type: 'Warning', reason: 'FailedCreatePodSandBox', message: `Failed to create pod sandbox: ${e.message}` });
    return { waiting: { reason: 'ContainerCreating', message: `failed to create the pod sandbox: ${e.message}` }, retryAt: now.getTime() + PORT_RETRY_MS, container: first.name };
  }
  const info = await ctx.runtime.inspectContainer(id);
  if (!info) return { waiting: { reason: 'ContainerCreating' }, retryAt: now.getTime(), container: first.name };
  return { sandbox: info };
}

/**
 * What only a sandbox gives: a network shared by several containers (init ones included), host ports held
 * while the container restarts (and refused up front, leaving the pod Pending), memory-backed emptyDirs that
 * outlive a container restart, and the pod's IP before its first container is created (env status.podIP).
 */
export function needsSandbox(pod: KObject): boolean {
  const containers: any[] = pod.spec.containers ?? [];
  if (containers.length !== 1 || (pod.spec.initContainers ?? []).length > 0) return true;
  if ((pod.spec.volumes ?? []).some((v: any) => v.emptyDir?.medium === 'Memory')) return true;
  if ((containers[0].ports ?? []).some((p: any) => p.hostPort)) return true;
  return (containers[0].env ?? []).some((e: any) => /^status\.podIPs?$/.test(e.valueFrom?.fieldRef?.fieldPath ?? ''));
}

/**
 * A pod without a sandbox: its first app container owns the network. Running without an address means its
 * network was removed behind kctl's back and nothing reaches it, so the pod's containers are made again.
 */
async function ownNetwork(pass: PodPass, containers: ContainerInfo[]): Promise<SandboxResult> {
  const [owner] = containersOf(containers, pass.pod.spec.containers[0].name, 'app');
  if (owner?.status !== 'running' || owner.ip) return { noSandbox: true };
  pass.events.push({ type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.' });
  await Promise.all(containers.map((c) => removeQuietly(pass, c.id)));
  return { noSandbox: true, startOver: true };
}

/** Docker's words for a host port that another container or process holds. */
export function isPortConflict(message: string): boolean {
  return /port is already allocated|address already in use/i.test(message);
}

function portsInUse(pod: KObject): string {
  const fixed = (pod.spec.containers as any[]).flatMap((c) => (c.ports ?? []).filter((p: any) => p.hostPort).map((p: any) => `${p.hostPort}/${p.protocol ?? 'TCP'}`));
  return fixed.length ? `hostPort ${fixed.join(', ')}` : 'a port';
}

function pauseFor(pass: PodPass): Promise<Buffer | undefined> {
  const runtime = pass.ctx.runtime;
  let binary = binaries.get(runtime);
  if (!binary) {
    binary = runtime.putFiles ? runtime.info().then((i) => pauseBinary(i.arch)) : Promise.resolve(undefined);
    binaries.set(runtime, binary);
  }
  return binary;
}
