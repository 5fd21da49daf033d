/**
 * Creating and starting one init or app container: its image (with pull back-off), its configuration
 * (environment, mounts, security, resources; a reference that cannot be resolved leaves it waiting in
 * CreateContainerConfigError and is retried), then create and start on the runtime.
 */
import { RuntimeError, type ContainerInfo, type ContainerSpec, type PortBinding } from '../../../runtime/runtime';
import { expandArgs, resolveEnv } from '../../../kinds/pod/config/env';
import { ConfigError, stateLookup } from '../../../kinds/pod/config/sources';
import type { PodVolumes } from '../volumes/pod-volumes';
import { buildContainerSpec, type Role } from './container-spec';
import { ensureImage, type Waiting } from './image-step';
import { warnOnce, type ContainerRecord, type PodPass } from './pass';
import { resourceLimits } from './resources';
import { needsImageUser, securityOptions } from './security';
import { seccompRoot } from '../volumes/host-dir';

/** How soon a container whose configuration could not be resolved is tried again. */
export const CONFIG_RETRY_MS = 5_000;
const CREATE_RETRY_MS = 10_000;

/** Where a pod's containers run: the network they join and the storage they mount. */
export interface Placement {
  /** `container:<id>` of the sandbox (or of the first container), or the namespace network. */
  network: string;
  /** Ports this container publishes (only the network's owner publishes). */
  ports: PortBinding[];
  podIP?: string;
  volumes: PodVolumes;
  /** `container:<id>` whose processes this one sees (an ephemeral container's target). */
  pid?: string;
}

export type Started = { info: ContainerInfo } | Waiting;

export async function createAndStart(pass: PodPass, container: any, role: Role, attempt: number, placement: Placement, record: ContainerRecord): Promise<Started> {
  const { ctx, pod, now } = pass;
  const image = await ensureImage(pass, container, record);
  if ('waiting' in image) return image;
  let extra: Partial<ContainerSpec>;
  try {
    extra = await containerConfig(pass, container, placement);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    warnOnce(pass, container.name, 'Failed', `Error: ${e.message}`, e.message);
    return { waiting: { reason: 'CreateContainerConfigError', message: e.message }, retryAt: now.getTime() + CONFIG_RETRY_MS };
  }
  const spec = buildContainerSpec({ pod, container, image: container.image, role, attempt, scope: ctx.scope, network: placement.network, ports: placement.ports, extra: { ...extra, ...(placement.pid ? { pidMode: placement.pid } : {}) }, state: pass.caches.state });
  let id: string;
  try {
    id = await ctx.runtime.createContainer(spec);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    if (e.statusCode === 409) {
      // Created by an earlier pass that crashed before listing could see it: adopt it next pass.
      return { waiting: { reason: 'ContainerCreating' }, retryAt: now.getTime() };
    }
    pass.events.push({ type: 'Warning', reason: 'Failed', message: `Error: ${e.message}` });
    return { waiting: { reason: 'CreateContainerError', message: e.message }, retryAt: now.getTime() + CREATE_RETRY_MS };
  }
  pass.events.push({ type: 'Normal', reason: 'Created', message: `Created container ${container.name}` });
  const refused = await startOrRemove(pass, id, container.name);
  if (refused) return refused;
  const info = await ctx.runtime.inspectContainer(id);
  if (!info) return { waiting: { reason: 'ContainerCreating' }, retryAt: now.getTime() };
  return { info };
}

/**
 * Starts a created container. One the engine refuses to start is removed, to be made anew after a while
 * (RunContainerError): also one an earlier pass created and left unstarted, which an engine stopped in the
 * middle of starting it can no longer start ("task ... already exists").
 */
export async function startOrRemove(pass: PodPass, id: string, name: string): Promise<Waiting | undefined> {
  try {
    await pass.ctx.runtime.startContainer(id);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    await removeQuietly(pass, id);
    pass.events.push({ type: 'Warning', reason: 'Failed', message: `Error: ${e.message}` });
    return { waiting: { reason: 'RunContainerError', message: e.message }, retryAt: pass.now.getTime() + CREATE_RETRY_MS };
  }
  pass.events.push({ type: 'Normal', reason: 'Started', message: `Started container ${name}` });
  return undefined;
}

/** Everything of the container's spec that needs resolving; throws ConfigError. Never logs a value. */
async function containerConfig(pass: PodPass, container: any, placement: Placement): Promise<Partial<ContainerSpec>> {
  const { ctx, pod } = pass;
  const facts = { pod, podIP: placement.podIP, hostIP: ctx.publishAddress };
  const { env, skipped } = resolveEnv(container, facts, stateLookup(pass.caches.state, pod.metadata.namespace ?? 'default'));
  if (skipped.length) {
    pass.events.push({ type: 'Warning', reason: 'InvalidEnvironmentVariableNames', message: `Keys [${skipped.join(', ')}] from envFrom were skipped since they are considered invalid environment variable names.` });
  }
  const imageUser = needsImageUser(pod, container) ? await ctx.runtime.imageUser(container.image) : undefined;
  const security = securityOptions(pod, container, { imageUser, seccompRoot: seccompRoot(ctx.store.path) });
  for (const line of security.unsupported) pass.events.push({ type: 'Warning', reason: 'SecurityContextIgnored', message: `container "${container.name}": ${line}` });
  return {
    command: expandArgs(container.command, env),
    args: expandArgs(container.args, env),
    env,
    workingDir: container.workingDir,
    stdin: container.stdin,
    stdinOnce: container.stdinOnce,
    tty: container.tty,
    mounts: await placement.volumes.mountsFor(container, env),
    ...security.options,
    ...resourceLimits(container),
  };
}

export async function removeQuietly(pass: PodPass, id: string): Promise<void> {
  try {
    await pass.ctx.runtime.removeContainer(id);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
  }
}
