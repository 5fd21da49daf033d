/** `kctl controller run`: the controller process in the foreground, logging to stderr until SIGINT/SIGTERM. */
import type { Factory } from '../../app/factory';
import { hookInterrupts } from '../../app/interrupts';
import { controllerContext } from '../../app/controller-context';
import { rfc3339 } from '../../api/time';
import { parseDuration } from '../../util/duration';
import { DEFAULT_PROXY_ADDRESS } from '../../kinds/service/proxy/node-ports';

export interface ControllerFlags {
  address?: string;
  resyncPeriod: string;
  metricsInterval: string;
}

export async function runController(f: Factory, flags: ControllerFlags): Promise<void> {
  hookInterrupts();
  const { ControllerProcess } = require('../../controllers/process/controller') as typeof import('../../controllers/process/controller');
  const ctx = await controllerContext(f);
  const controller = new ControllerProcess(ctx, {
    address: proxyAddress(f, flags),
    resyncMs: parseDuration(flags.resyncPeriod, '--resync-period'),
    metricsMs: parseDuration(flags.metricsInterval, '--metrics-interval'),
    log: (line) => f.stderr.write(`${rfc3339(f.now())} ${line}\n`),
  });
  await controller.run(f.interrupted);
}

/** --address, else KCTL_PROXY_ADDRESS, else loopback. */
export function proxyAddress(f: Factory, flags: { address?: string }): string {
  return flags.address || f.env.KCTL_PROXY_ADDRESS || DEFAULT_PROXY_ADDRESS;
}
