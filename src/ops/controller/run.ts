/** `kctl controller run`: the controller process in the foreground, logging to stderr until SIGINT/SIGTERM. */
import type { Factory } from '../../app/factory';
import { hookInterrupts } from '../../app/interrupts';
import { controllerContext } from '../../app/controller-context';
import { rfc3339 } from '../../api/time';
import { parseDuration } from '../../util/duration';
import { DEFAULT_PROXY_ADDRESS } from '../../kinds/service/proxy/node-ports';
import { DEFAULT_INGRESS_PORT, DEFAULT_INGRESS_TLS_PORT, type IngressPorts } from '../../kinds/ingress/proxy/listener';
import { UsageError } from '../../errors';

export interface ControllerFlags {
  address?: string;
  ingressPort?: string;
  ingressTlsPort?: string;
  resyncPeriod: string;
  metricsInterval: string;
}

export async function runController(f: Factory, flags: ControllerFlags): Promise<void> {
  hookInterrupts();
  const { ControllerProcess } = require('../../controllers/process/controller') as typeof import('../../controllers/process/controller');
  const ctx = await controllerContext(f);
  const controller = new ControllerProcess(ctx, {
    address: proxyAddress(f, flags),
    ingressPorts: ingressPorts(f, flags),
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

/** --ingress-port and --ingress-tls-port, else KCTL_INGRESS_PORT and KCTL_INGRESS_TLS_PORT, else 8080 and 8443. */
export function ingressPorts(f: Factory, flags: { ingressPort?: string; ingressTlsPort?: string }): IngressPorts {
  const ports = {
    http: portFrom(flags.ingressPort, '--ingress-port', f.env.KCTL_INGRESS_PORT, 'KCTL_INGRESS_PORT', DEFAULT_INGRESS_PORT),
    https: portFrom(flags.ingressTlsPort, '--ingress-tls-port', f.env.KCTL_INGRESS_TLS_PORT, 'KCTL_INGRESS_TLS_PORT', DEFAULT_INGRESS_TLS_PORT),
  };
  if (ports.http === ports.https) throw new UsageError(`the ingress ports must differ (both ${ports.http})`);
  return ports;
}

function portFrom(flag: string | undefined, flagName: string, env: string | undefined, envName: string, fallback: number): number {
  const [value, from] = flag ? [flag, flagName] : env ? [env, envName] : [String(fallback), ''];
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new UsageError(`invalid ${from} "${value}": must be a port number between 1 and 65535`);
  return port;
}
