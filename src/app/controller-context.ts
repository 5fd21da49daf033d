/**
 * The controller context of a command: the reconciler's view of the factory's store, clock and logger, with the
 * pod backend made from its runtime. This is the one place a pod backend is made.
 */
import type { PodBackend } from '../backends/backend';
import type { ControllerContext } from '../controllers/context';
import type { ContainerRuntime } from '../runtime/runtime';
import type { Store } from '../store/store';
import type { Factory } from './factory';
import { DEFAULT_LIMITS, hostLimits, type HostLimits } from '../kinds/pod/capacity';

export interface World {
  store: Store;
  runtime: ContainerRuntime;
  now(): Date;
  log(level: number, message: string): void;
  /** Host address that container ports are published on. */
  publishAddress: string;
  limits?: HostLimits;
}

/** The context of a reconciler over `world`: the local Docker backend, scoped to the state file. */
export function contextOver(world: World): ControllerContext {
  const { LocalBackend } = require('../backends/local/local-backend') as typeof import('../backends/local/local-backend');
  const { scopeFor } = require('../backends/local/scope') as typeof import('../backends/local/scope');
  const backend = new LocalBackend({ ...world, scope: scopeFor(world.store.path) });
  return { store: world.store, now: world.now, log: world.log, backend, limits: world.limits ?? DEFAULT_LIMITS };
}

export async function controllerContext(f: Factory): Promise<ControllerContext> {
  const publishAddress = f.env.KCTL_PUBLISH_ADDRESS || '127.0.0.1';
  return contextOver({ store: f.store(), runtime: await f.runtime(), now: f.now, log: f.log, publishAddress, limits: hostLimits(f.env) });
}

/** What a command that only looks at the world (logs, exec, get, top, state) reaches it through. */
export async function podBackend(f: Factory): Promise<PodBackend> {
  return (await controllerContext(f)).backend;
}
