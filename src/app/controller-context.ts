/** The controller context of a command: the reconciler's view of the factory's store, runtime, clock and logger. */
import type { ControllerContext } from '../controllers/context';
import type { Factory } from './factory';

export async function controllerContext(f: Factory): Promise<ControllerContext> {
  const { scopeFor } = require('../backends/local/scope') as typeof import('../backends/local/scope');
  return {
    store: f.store(),
    runtime: await f.runtime(),
    now: f.now,
    scope: scopeFor(f.statePath()),
    log: f.log,
    publishAddress: f.env.KCTL_PUBLISH_ADDRESS || '127.0.0.1',
  };
}
