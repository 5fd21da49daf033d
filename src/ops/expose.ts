/**
 * `kctl expose deployment NAME --port P`: the Service kubectl generates for an object: its selector and ports
 * (the kind's expose capability: a Deployment's matchLabels, a Pod's labels, ...), its labels, ports from --port
 * or from the object, targetPort = port unless --target-port. Created like `create`, then converged.
 */
import { dryRunMode } from './dry-run';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName } from '../api/kinds';
import { NotFoundError, UsageError } from '../errors';
import { kindDefinition, kindsWith } from '../kinds/registry';
import { oneOf } from './kind-names';
import { createObject, type CreateOptions } from './create';
import { convergeTargets } from './converge';
import { parseResourceArgs } from './resource-args';

/** What shapes the Service that exposes an object. */
export interface ServiceOptions {
  port?: string;
  targetPort?: string;
  protocol: string;
  type?: string;
  name?: string;
}

export interface ExposeOptions extends ServiceOptions, Pick<CreateOptions, 'output' | 'template' | 'allowMissingTemplateKeys'> {
  dryRun?: string | boolean;
  wait: boolean;
  timeout: string;
}

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'];

export async function runExpose(f: Factory, args: string[], opts: ExposeOptions): Promise<void> {
  const { refs } = parseResourceArgs(args, { requireName: true });
  if (refs.length !== 1) throw new UsageError('expose takes exactly one resource: TYPE NAME or TYPE/NAME');
  const { kind, name } = refs[0];
  if (!kindDefinition(kind.kind)?.expose) throw new UsageError(`cannot expose a ${kind.kind}`, `expose a ${oneOf(kindsWith((d) => d.expose))}`);
  const namespace = f.namespace();
  const target = f.store().read().get(kind.kind, namespace, name!);
  if (!target) throw new NotFoundError(`${pluralName(kind.kind)} "${name}" not found`);
  const service = exposingService(target, opts);
  await createObject(f, service, opts, 'exposed');
  if (!dryRunMode(opts.dryRun)) await convergeTargets(f, [{ kind: 'Service', namespace, name: service.metadata.name }], opts);
}

/** The Service kubectl generates for `target` (a kind with the expose capability), in the target's namespace. */
export function exposingService(target: KObject, opts: ServiceOptions): KObject {
  const expose = kindDefinition(target.kind)!.expose!;
  if (opts.type !== undefined && !TYPES.includes(opts.type)) throw new UsageError(`Unsupported service type "${opts.type}"`, `one of: ${TYPES.join(', ')}`);
  const ports = (opts.port !== undefined ? [opts.port] : expose.ports(target)).map((p) => portNumber(p, '--port'));
  if (ports.length === 0) throw new UsageError("couldn't find port via --port flag or introspection", 'give the port: --port 80');
  const targetPort = opts.targetPort === undefined ? undefined : /^\d+$/.test(opts.targetPort) ? portNumber(opts.targetPort, '--target-port') : opts.targetPort;
  const labels = target.metadata.labels;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: opts.name ?? target.metadata.name, namespace: target.metadata.namespace, ...(labels ? { labels: { ...labels } } : {}) },
    spec: {
      ports: ports.map((port, i) => ({ ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}), port, protocol: opts.protocol, targetPort: targetPort ?? port })),
      selector: expose.selector(target),
      ...(opts.type ? { type: opts.type } : {}),
    },
  };
}

function portNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) throw new UsageError(`invalid argument "${text}" for "${flag}" flag: must be a port number (1-65535)`);
  return n;
}
