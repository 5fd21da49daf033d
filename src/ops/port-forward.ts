/**
 * `kctl port-forward svc/NAME|pod/NAME|deployment/NAME [LOCAL:]REMOTE...`: local ports forwarded to pods, in
 * the foreground and without the controller process. Unlike kubectl, which picks one pod and stays with it, a
 * Service or Deployment is balanced over its Ready pods and follows them as they change (the state file is
 * watched), with the same draining as node ports.
 */
import * as net from 'net';
import type { Factory } from '../app/factory';
import { hookInterrupts } from '../app/interrupts';
import type { KObject } from '../api/types';
import { pluralName, resolveResource } from '../api/kinds';
import { isPodReady } from '../api/pod-status';
import { fromLabelSelector } from '../api/selector';
import { NotFoundError, UsageError } from '../errors';
import type { State } from '../store/state';
import type { Backend } from '../controllers/service/backends';
import type { ListenerSpec } from '../controllers/service/proxy-set';
import type { ServicePort } from '../controllers/service/target-port';

export interface PortForwardOptions {
  address: string[];
}

interface Mapping {
  local: number;
  remote: string;
}

const DEBOUNCE_MS = 20;

export async function runPortForward(f: Factory, target: string, ports: string[], opts: PortForwardOptions): Promise<void> {
  const { ProxyRunner } = require('../controllers/service/proxy-runner') as typeof import('../controllers/service/proxy-runner');
  const { StateWatcher } = require('../controllers/process/state-watch') as typeof import('../controllers/process/state-watch');
  if (ports.length === 0) throw new UsageError('TYPE/NAME and list of ports are required for port-forward');
  const ref = parseTarget(target);
  const ns = f.namespace();
  const addresses = opts.address.flatMap((a) => a.split(',')).map((a) => (a === 'localhost' ? '127.0.0.1' : a));
  const store = f.store();
  const first = store.read();
  const object = lookup(first, ref.kind, ns, ref.name);
  const mappings = await Promise.all(ports.map(parseMapping));
  for (const m of mappings) check(object, m.remote);

  const specs = (state: State): ListenerSpec[] => {
    const live = state.get(object.kind, ns, ref.name);
    return mappings.flatMap((m) => addresses.map((address) => ({ address, port: m.local, backends: live ? backends(state, live, m.remote) : [], name: `${ref.kind.toLowerCase()}/${ref.name} port ${m.remote}` })));
  };
  hookInterrupts();
  const runner = new ProxyRunner(store, specs, (line) => f.log(1, line));
  let syncing = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const resync = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (syncing = syncing.then(() => runner.sync(store.read()))), DEBOUNCE_MS);
  };
  const watcher = new StateWatcher(store.path, resync, 500);
  try {
    await runner.sync(first);
    const failed = runner.listeners().find((l) => l.failure);
    if (failed) throw new UsageError(`unable to listen on ${failed.address}: ${failed.failure}`);
    for (const m of mappings) for (const address of addresses) f.stdout.write(`Forwarding from ${address}:${m.local} -> ${shownRemote(first, object, m.remote)}\n`);
    if (mappings.some((m) => backends(first, object, m.remote).length === 0)) f.stderr.write(`warning: ${ref.kind.toLowerCase()}/${ref.name} has no ready pod yet; connections are closed until one is Ready\n`);
    await f.interrupted;
  } finally {
    clearTimeout(timer);
    watcher.close();
    await syncing;
    await runner.close();
  }
}

function parseTarget(text: string): { kind: string; name: string } {
  const [type, name] = text.includes('/') ? text.split('/', 2) : ['pod', text];
  const kind = resolveResource(type).kind;
  if (!['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(kind)) throw new UsageError(`cannot port-forward to ${pluralName(kind)}: only pods, services, deployments and replicasets`);
  if (!name) throw new UsageError(`arguments in resource/name form must have a single resource and name: "${text}"`);
  return { kind, name };
}

function lookup(state: State, kind: string, ns: string, name: string): KObject {
  const obj = state.get(kind, ns, name);
  if (!obj) throw new NotFoundError(`${pluralName(kind)} "${name}" not found`);
  return obj;
}

/** `8080:80`, `:80` (a free local port), `80` (the same port locally). */
async function parseMapping(text: string): Promise<Mapping> {
  const [localText, remote] = text.includes(':') ? text.split(':', 2) : [text, text];
  if (!remote || !/^(\d+|[a-z0-9]([-a-z0-9]*[a-z0-9])?)$/.test(remote)) throw new UsageError(`invalid port "${text}"`);
  if (localText === '') return { local: await freePort(), remote };
  const local = Number(localText);
  if (!/^\d+$/.test(localText) || local < 1 || local > 65535) throw new UsageError(`invalid local port "${localText}" in "${text}"`);
  return { local, remote };
}

function check(obj: KObject, remote: string): void {
  if (obj.kind === 'Service' && !servicePort(obj, remote)) throw new UsageError(`Service ${obj.metadata.name} does not have a service port ${remote}`);
}

function servicePort(svc: KObject, remote: string): ServicePort | undefined {
  return ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => String(p.port) === remote || p.name === remote);
}

/** Where connections for `remote` go now. */
function backends(state: State, obj: KObject, remote: string): Backend[] {
  const { podBackend, serviceBackends } = require('../controllers/service/backends') as typeof import('../controllers/service/backends');
  if (obj.kind === 'Service') {
    const port = servicePort(obj, remote);
    return port ? serviceBackends(state, obj, port.name) : [];
  }
  const pods = obj.kind === 'Pod' ? [obj] : state.list('Pod', obj.metadata.namespace, fromLabelSelector(obj.spec?.selector)).filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp);
  return pods.flatMap((pod) => {
    const port = containerPort(pod, remote);
    const backend = port === undefined ? undefined : podBackend(pod, port);
    return backend ? [backend] : [];
  });
}

/** A container port by number or by name. */
function containerPort(pod: KObject, remote: string): number | undefined {
  if (/^\d+$/.test(remote)) return Number(remote);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === remote) return p.containerPort;
  return undefined;
}

/** kubectl shows the pod's port: a Service port resolves to its targetPort. */
function shownRemote(state: State, obj: KObject, remote: string): string {
  if (obj.kind !== 'Service') return remote;
  const target = servicePort(obj, remote)?.targetPort ?? remote;
  if (typeof target === 'number' || /^\d+$/.test(target)) return String(target);
  const { readyTargets } = require('../controllers/service/endpoints') as typeof import('../controllers/service/endpoints');
  const resolved = readyTargets(state.get('Endpoints', obj.metadata.namespace, obj.metadata.name), servicePort(obj, remote)?.name)[0];
  return resolved ? String(resolved.port) : target;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
