/**
 * Services by name from inside a namespace's Docker network. Each Service with a selector gets one small
 * proxy container on the namespace network whose network aliases are the Service's DNS names (`web`,
 * `web.default`, `web.default.svc`, `web.default.svc.cluster.local`), so Docker's embedded DNS answers them.
 * It listens on every TCP Service port with the static busybox's `nc -ll` and hands each connection to a
 * Ready endpoint (pod IP and targetPort) chosen at random from a file this controller rewrites whenever the
 * Endpoints change: readiness, draining and named targetPorts all hold inside the network too.
 *
 * No image has to be built or pulled: the container runs from an image a pod of the namespace already uses
 * (it is on the host), with busybox and two scripts copied in before it starts, as root, with its own command.
 */
import { createHash } from 'crypto';
import type { KObject } from '../../../api/types';
import { LABEL, RuntimeError, type ContainerInfo, type ContainerSpec } from '../../../runtime/runtime';
import type { State } from '../../../store/state';
import type { LocalContext } from '../context';
import { networkName } from '../scope';
import { readyTargets } from '../../../kinds/service/controller/endpoints';
import { readStaticBusybox } from './static-busybox';
import type { ServicePort } from '../../../kinds/service/controller/target-port';

export const SERVICE_PROXY_ROLE = 'service-proxy';
/** Labels of a proxy container besides the scope's: which Service, and a hash of what it was made for. */
const SERVICE_LABEL = 'io.kctl.service';
const CONFIG_LABEL = 'io.kctl.service-config';
const DIR = '/.kctl';

const PROXY_SCRIPT = `#!${DIR}/busybox sh
# One connection to Service port $1: splice it to a Ready endpoint chosen at random.
set -- $(${DIR}/busybox awk -v p="$1" -v r="$RANDOM" '$1 == p { a[n++] = $2 " " $3 } END { if (n) print a[r % n] }' ${DIR}/endpoints)
[ -n "$1" ] && exec ${DIR}/busybox nc "$1" "$2"
`;

export class ServiceProxies {
  private busybox: Buffer | undefined | null = null;

  constructor(private readonly ctx: LocalContext) {}

  /**
   * Makes the proxy containers match the Services of `state`; `containers` is what Docker listed. What each
   * proxy's endpoints file holds is recorded on the Endpoints object (WRITTEN), so that no kctl process
   * rewrites an unchanged file.
   */
  async sync(state: State, containers: ContainerInfo[]): Promise<void> {
    const existing = containers.filter((c) => c.labels[LABEL.role] === SERVICE_PROXY_ROLE);
    const wanted = new Map<string, { svc: KObject; image: string }>();
    for (const svc of state.list('Service')) {
      if (!needsProxy(svc)) continue;
      const image = imageInNamespace(state, svc);
      if (image) wanted.set(keyOf(svc.metadata.namespace ?? 'default', svc.metadata.name), { svc, image });
    }
    const written = new Map<KObject, string>();
    for (const c of existing) {
      const key = keyOf(c.labels[LABEL.namespace], c.labels[SERVICE_LABEL]);
      const want = wanted.get(key);
      if (want && c.labels[CONFIG_LABEL] === configHash(want.svc) && c.status === 'running') {
        wanted.delete(key);
        const content = endpointLines(state, want.svc);
        const record = writtenRecord(c.id, content);
        if (endpointsOf(state, want.svc)?.metadata.annotations?.[WRITTEN] !== record && (await this.writeEndpoints(c.id, content))) written.set(want.svc, record);
        continue;
      }
      this.ctx.log(2, `removing service proxy ${c.name}`);
      await this.ctx.runtime.removeContainer(c.id);
    }
    for (const { svc, image } of wanted.values()) {
      const record = await this.create(state, svc, image);
      if (record) written.set(svc, record);
    }
    if (written.size) await this.ctx.store.update((s) => recordWritten(s, written));
  }

  /** Returns the WRITTEN record of the new proxy, or undefined when it could not be made (next pass). */
  private async create(state: State, svc: KObject, image: string): Promise<string | undefined> {
    if (this.busybox === null) {
      this.busybox = readStaticBusybox();
      if (!this.busybox) this.ctx.log(0, 'warning: no static busybox on this host (apt-get install busybox-static): Services cannot be reached by name inside their network');
    }
    const { runtime } = this.ctx;
    if (!this.busybox || !runtime.putFiles) return undefined;
    const ns = svc.metadata.namespace ?? 'default';
    const content = endpointLines(state, svc);
    try {
      const id = await runtime.createContainer(this.spec(svc, image));
      await runtime.putFiles(id, DIR, [
        { path: 'busybox', content: this.busybox, mode: 0o755 },
        { path: 'proxy.sh', content: Buffer.from(PROXY_SCRIPT), mode: 0o755 },
        { path: 'endpoints', content: Buffer.from(content), mode: 0o644 },
      ]);
      await runtime.startContainer(id);
      this.ctx.log(1, `service ${ns}/${svc.metadata.name}: in-network proxy started`);
      return writtenRecord(id, content);
    } catch (e) {
      // 409: the container of an earlier pass is not listed yet; 404: the image went away. A container left
      // half made is not running, so the next pass replaces it.
      if (!(e instanceof RuntimeError)) throw e;
      this.ctx.log(1, `service proxy for ${ns}/${svc.metadata.name}: ${e.message}`);
      return undefined;
    }
  }

  private spec(svc: KObject, image: string): ContainerSpec {
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name;
    const listeners = tcpPorts(svc).map((p) => `${DIR}/busybox nc -ll -p ${p.port} -e ${DIR}/proxy.sh ${p.port} &`);
    return {
      name: `${ns}_${name}_service-proxy`,
      image,
      labels: { ...this.ctx.scope.labels, [LABEL.namespace]: ns, [LABEL.role]: SERVICE_PROXY_ROLE, [SERVICE_LABEL]: name, [CONFIG_LABEL]: configHash(svc) },
      command: [`${DIR}/busybox`, 'sh', '-c', `${listeners.join(' ')} trap 'exit 0' TERM; wait`],
      args: [],
      network: networkName(this.ctx.scope, ns),
      networkAliases: [name, `${name}.${ns}`, `${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`],
      hostname: `${name}-proxy`.slice(0, 63),
      user: '0',
    };
  }

  /** Atomically (write, then rename) replaces the endpoints file of a running proxy; false when that failed. */
  private async writeEndpoints(id: string, content: string): Promise<boolean> {
    const script = `printf '%s' "$1" > ${DIR}/endpoints.new && ${DIR}/busybox mv ${DIR}/endpoints.new ${DIR}/endpoints`;
    try {
      const result = await this.ctx.runtime.exec(id, [`${DIR}/busybox`, 'sh', '-c', script, 'sh', content], { timeoutMs: 5000 });
      if (result.exitCode !== 0) throw new RuntimeError(result.stderr.trim() || `exit code ${result.exitCode}`);
      return true;
    } catch (e) {
      // Gone or stopped behind our back: the next pass replaces it.
      if (!(e instanceof RuntimeError)) throw e;
      this.ctx.log(1, `service proxy ${id.slice(0, 12)}: updating endpoints failed: ${e.message}`);
      return false;
    }
  }
}

/** Annotation on a Service's Endpoints: which proxy container holds which endpoints file. */
const WRITTEN = 'kctl.io/proxy-endpoints';

function writtenRecord(containerId: string, content: string): string {
  return `${containerId.slice(0, 12)}:${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
}

function endpointsOf(state: State, svc: KObject): KObject | undefined {
  return state.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
}

function recordWritten(state: State, written: Map<KObject, string>): void {
  for (const [svc, record] of written) {
    const ep = endpointsOf(state, svc);
    if (!ep || ep.metadata.annotations?.[WRITTEN] === record) continue;
    ep.metadata.annotations = { ...(ep.metadata.annotations ?? {}), [WRITTEN]: record };
    state.put(ep);
  }
}

/** ClusterIP, NodePort and LoadBalancer Services with a selector and TCP ports; not headless ones. */
function needsProxy(svc: KObject): boolean {
  const spec = svc.spec ?? {};
  if (svc.metadata.deletionTimestamp || spec.type === 'ExternalName' || spec.clusterIP === 'None') return false;
  return Boolean(spec.selector && Object.keys(spec.selector).length) && tcpPorts(svc).length > 0;
}

function tcpPorts(svc: KObject): ServicePort[] {
  return ((svc.spec?.ports ?? []) as ServicePort[]).filter((p) => (p.protocol ?? 'TCP') === 'TCP');
}

/** `servicePort podIP targetPort` per Ready endpoint. */
function endpointLines(state: State, svc: KObject): string {
  const ep = endpointsOf(state, svc);
  return tcpPorts(svc)
    .flatMap((p) => readyTargets(ep, p.name).map((t) => `${p.port} ${t.address.ip} ${t.port}\n`))
    .join('');
}

/**
 * An image that is on the host because a pod of the Service's namespace was started from it (the Service's own
 * pods first). None while no pod of the namespace has started: then there is no network to join either.
 */
function imageInNamespace(state: State, svc: KObject): string | undefined {
  const pods = state.list('Pod', svc.metadata.namespace ?? 'default').filter((p) => !p.metadata.deletionTimestamp);
  const own = svc.spec?.selector ?? {};
  const mine = (p: KObject) => Object.entries(own).every(([k, v]) => p.metadata.labels?.[k] === v);
  for (const pod of [...pods.filter(mine), ...pods]) {
    const started = ((pod.status?.containerStatuses ?? []) as any[]).find((s) => s.containerID && s.state?.running);
    if (started?.image) return started.image;
  }
  return undefined;
}

function configHash(svc: KObject): string {
  return createHash('sha256').update(JSON.stringify(tcpPorts(svc).map((p) => p.port))).digest('hex').slice(0, 12);
}

function keyOf(ns: string | undefined, name: string | undefined): string {
  return `${ns}/${name}`;
}
