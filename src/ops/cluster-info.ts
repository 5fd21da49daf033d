/**
 * `kctl cluster-info`: what kubectl's says of a cluster, for the one host: the Docker engine kctl drives and
 * whether the long-running controller runs. Exits non-zero when the engine cannot be reached, so a script's
 * "is the cluster up" check works unchanged.
 */
import type { Factory } from '../app/factory';

export async function runClusterInfo(f: Factory): Promise<void> {
  const { resolveEndpoint } = require('../runtime/docker/endpoint') as typeof import('../runtime/docker/endpoint');
  const { runningController } = require('../controllers/process/files') as typeof import('../controllers/process/files');
  const url = resolveEndpoint(f.env, f.globals.context).url;
  const info = await (await f.runtime()).info();
  const controller = runningController(f.statePath());
  f.stdout.write(`Docker engine v${info.version} (API ${info.apiVersion}) is running at ${url}\n`);
  f.stdout.write(controller ? `kctl controller is running (pid ${controller.pid}), proxies at ${controller.address}\n` : 'kctl controller is not running: commands reconcile as they run (kctl controller start keeps it up)\n');
  f.stdout.write(`\nTo further debug and diagnose problems, use 'kctl state check'.\n`);
}
