/**
 * `kctl create service clusterip|nodeport|loadbalancer|externalname NAME`: the Service kubectl generates (label and
 * selector app=NAME, one TCP port per --tcp `port[:targetPort]` named after it), checked in kubectl's order and
 * words, then created like every generated object.
 */
import { dryRunMode } from './dry-run';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { dns1123SubdomainErrors, portNameErrors, portNumberErrors } from '../api/names';
import { UsageError } from '../errors';
import { parseUint16 } from '../util/go-port';
import { createObject, type CreateOptions } from './create';
import { convergeTargets } from './converge';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface CreateServiceOptions extends CreateOptions {
  tcp?: string[];
  clusterip?: string;
  nodePort?: string;
  externalName?: string;
  wait: boolean;
  timeout: string;
}

export async function createService(f: Factory, type: ServiceType, name: string, opts: CreateServiceOptions): Promise<void> {
  const tcp = (opts.tcp ?? []).flatMap((t) => t.split(','));
  if (opts.clusterip === 'None' && type !== 'ClusterIP') throw new UsageError('ClusterIP=None can only be used with ClusterIP service type');
  if (opts.clusterip !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new UsageError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && dns1123SubdomainErrors(opts.externalName ?? '').length) throw new UsageError(`invalid service external name ${opts.externalName ?? ''}`);
  const nodePort = opts.nodePort === undefined ? 0 : goInt(opts.nodePort, '--node-port');
  const ports = tcp.map((spec) => ({ name: spec.replace(/:/g, '-'), ...portPair(spec), protocol: 'TCP', ...(nodePort ? { nodePort } : {}) }));
  const labels = { app: name };
  const service: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: f.namespace(), labels },
    spec: {
      ...(opts.clusterip ? { clusterIP: opts.clusterip } : {}),
      ...(type === 'ExternalName' ? { externalName: opts.externalName } : {}),
      ...(ports.length ? { ports } : {}),
      selector: { ...labels },
      type,
    },
  };
  await createObject(f, service, opts);
  if (!dryRunMode(opts.dryRun)) await convergeTargets(f, [{ kind: 'Service', namespace: f.namespace(), name }], opts);
}

/** kubectl's parsePorts: `port` (the target is the same) or `port:target`, the target a number or a port name. */
function portPair(spec: string): { port: number; targetPort: number | string } {
  const [first, second] = spec.split(':');
  const port = parseUint16(first);
  if (second === undefined) return { port, targetPort: port };
  if (!/^[-+]?\d+$/.test(second)) {
    const errs = portNameErrors(second);
    if (errs.length) throw new UsageError(errs.join(','));
    return { port, targetPort: second };
  }
  const errs = portNumberErrors(Number(second));
  if (errs.length) throw new UsageError(errs.join(','));
  return { port, targetPort: Number(second) };
}

/** pflag's int parsing, in its words. */
function goInt(text: string, flag: string): number {
  if (!/^[-+]?\d+$/.test(text)) throw new UsageError(`invalid argument "${text}" for "${flag}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  return Number(text);
}
