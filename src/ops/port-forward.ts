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
import { NotFoundError, UsageError } from '../errors';
import { inDiscoveryOrder, kindDefinition, kindsWith } from '../kinds/registry';
import { pluralsOf } from './kind-names';
import type { PortForwardCapability } from '../kinds/types';
import type { State } from '../store/state';
import type { Backend } from '../kinds/service/controller/backends';
import type { ListenerSpec } from '../kinds/service/proxy/proxy-set';

export interface PortForwardOptions {
  address: string[];
}

interface Mapping {
  local: number;
  remote: string;
}

const DEBOUNCE_MS = 20;

export async function runPortForward(f: Factory, target: string, ports: string[], opts: PortForwardOptions): Promise<void> {
  const { ProxyRunner } = require('../kinds/service/proxy/proxy-runner') as typeof import('../kinds/service/proxy/proxy-runner');
  const { StateWatcher } = require('../controllers/process/state-watch') as typeof import('../controllers/process/state-watch');
  if (ports.length === 0) throw new UsageError('TYPE/NAME and list of ports are required for port-forward');
  const ref = parseTarget(target);
  const ns = f.namespace();
  const addresses = opts.address.flatMap((a) => a.split(',')).map((a) => (a === 'localhost' ? '127.0.0.1' : a));
  const store = f.store();
  const first = store.read();
  const object = lookup(first, ref.kind, ns, ref.name);
  const mappings = await Promise.all(ports.map(parseMapping));
  const { forward } = ref;
  for (const m of mappings) forward.check(object, m.remote);

  const specs = (state: State): ListenerSpec[] => {
    const live = state.get(object.kind, ns, ref.name);
    return mappings.flatMap((m) => addresses.map((address) => ({ address, port: m.local, backends: live ? forward.backends(state, live, m.remote) : [], name: `${ref.kind.toLowerCase()}/${ref.name} port ${m.remote}` })));
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
    for (const m of mappings) for (const address of addresses) f.stdout.write(`Forwarding from ${address}:${m.local} -> ${forward.shownRemote(first, object, m.remote)}\n`);
    if (mappings.some((m) => forward.backends(first, object, m.remote).length === 0)) f.stderr.write(`warning: ${ref.kind.toLowerCase()}/${ref.name} has no ready pod yet; connections are closed until one is Ready\n`);
    await f.interrupted;
  } finally {
    clearTimeout(timer);
    watcher.close();
    await syncing;
    await runner.close();
  }
}

function parseTarget(text: string): { kind: string; name: string; forward: PortForwardCapability } {
  const [type, name] = text.includes('/') ? text.split('/', 2) : ['pod', text];
  const kind = resolveResource(type).kind;
  const forward = forwardTarget(kind);
  if (!forward) throw new UsageError(`cannot port-forward to ${pluralName(kind)}: only ${pluralsOf(inDiscoveryOrder(kindsWith((d) => forwardTarget(d.kind))))}`);
  if (!name) throw new UsageError(`arguments in resource/name form must have a single resource and name: "${text}"`);
  return { kind, name, forward };
}

/** A kind's own port-forward capability (a Service's ports), else the ports of the pods it runs; none: refused. */
function forwardTarget(kind: string): PortForwardCapability | undefined {
  const def = kindDefinition(kind);
  const podsOf = def?.podsOf;
  if (def?.portForward || !podsOf) return def?.portForward;
  return { check: () => undefined, backends: (state, obj, remote) => podBackends(podsOf(state, obj), remote), shownRemote: (_state, _obj, remote) => remote };
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

/** Where connections for `remote` go now: the Ready pods' ports. */
function podBackends(pods: KObject[], remote: string): Backend[] {
  const { podBackend } = require('../kinds/service/controller/backends') as typeof import('../kinds/service/controller/backends');
  return pods
    .filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp)
    .flatMap((pod) => {
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
