/**
 * The controller process (`kctl controller run`): the reconcile loop of one-shot commands, run continuously.
 * It holds the reconciler lease for its whole life, so one-shot commands only write desired state and wait
 * (drive.ts). A pass runs at once (debounced) on a Docker event or a change of the state file, when a pass
 * asked for it (probes, back-off, minReadySeconds) and at least every resync period. It also serves node
 * ports on the host (service/proxy-runner.ts) and collects the autoscaler's metrics. It never stops
 * containers when it exits: the workload keeps running without it.
 */
import type { KEvent } from '../../api/types';
import { ConflictError } from '../../errors';
import { sleep } from '../../util/sleep';
import type { ControllerContext } from '../context';
import { reconcilerLease } from '../drive';
import { collectHpaMetrics } from '../../kinds/horizontalpodautoscaler/controller/metrics';
import { Reconciler } from '../manager';
import { nodePortListeners } from '../../kinds/service/proxy/node-ports';
import { ingressListeners, type IngressPorts } from '../../kinds/ingress/proxy/listener';
import type { State } from '../../store/state';
import { ProxyRunner } from '../../kinds/service/proxy/proxy-runner';
import { controllerFiles, removeInfo, runningController, writeInfo, type ControllerInfo } from './files';
import { PassScheduler } from './scheduler';
import { StateWatcher } from './state-watch';

/** Events and state changes come in bursts (one `docker rm` is kill, die, destroy): one pass for the burst. */
const DEBOUNCE_MS = 50;
/** The shortest gap a pass's own requeue can ask for. */
const MIN_REQUEUE_MS = 20;
const MAX_FAILURE_BACKOFF_MS = 10_000;
const LEASE_POLL_MS = 250;

export interface ControllerOptions {
  /** Where node ports and the ingress port listen. */
  address: string;
  /** The HTTP and HTTPS ports Ingresses are served on. */
  ingressPorts: IngressPorts;
  resyncMs: number;
  metricsMs: number;
  /** One line of the controller's log (without timestamp). */
  log: (line: string) => void;
}

export class ControllerProcess {
  private readonly lease;
  private readonly reconciler: Reconciler;
  private readonly scheduler: PassScheduler;
  private readonly proxies: ProxyRunner;
  private readonly infoFile: string;
  private info?: ControllerInfo;
  private failures = 0;
  private lastFailure?: string;
  /** Events already logged (or there before we started), by identity and count. */
  private eventsSeen: Set<string>;

  constructor(private readonly ctx: ControllerContext, private readonly opts: ControllerOptions) {
    this.lease = reconcilerLease(ctx.store.path);
    this.reconciler = new Reconciler(ctx);
    this.scheduler = new PassScheduler(() => this.pass());
    this.proxies = new ProxyRunner(ctx.store, (state) => this.listeners(state), opts.log);
    this.infoFile = controllerFiles(ctx.store.path).pid;
    this.eventsSeen = new Set(ctx.store.read().data.events.map(eventKey));
  }

  /** Runs until `stop` resolves. */
  async run(stop: Promise<void>): Promise<void> {
    let stopping = false;
    void stop.then(() => (stopping = true));
    const other = runningController(this.ctx.store.path);
    if (other && other.pid !== process.pid) {
      throw new ConflictError(`a controller is already running for ${this.ctx.store.path} (pid ${other.pid})`, 'stop it first: kctl controller stop');
    }
    if (!(await this.acquireLease(() => stopping))) return;
    const { log } = this.opts;
    this.info = { pid: process.pid, startedAt: this.ctx.now().toISOString(), address: this.opts.address, listeners: [] };
    writeInfo(this.infoFile, this.info);
    log(`controller running (pid ${process.pid}) for ${this.ctx.store.path}; node ports on ${this.opts.address}, ingresses on ports ${this.opts.ingressPorts.http} and ${this.opts.ingressPorts.https} (TLS)`);

    const watcher = new StateWatcher(this.ctx.store.path, () => this.scheduler.request(DEBOUNCE_MS));
    const events = this.ctx.backend.watch({ onChange: () => this.scheduler.request(DEBOUNCE_MS), onReconnect: () => this.scheduler.request(0), log });
    const metrics = new MetricsLoop(this.ctx, this.opts.metricsMs, log);
    try {
      await events.start();
      this.scheduler.request(0);
      metrics.start();
      await stop;
    } finally {
      log('stopping (containers keep running)');
      metrics.stop();
      events.stop();
      watcher.close();
      await this.scheduler.stop();
      await this.proxies.close();
      this.lease.release();
      removeInfo(this.infoFile);
      log('controller stopped');
    }
  }

  /** Waits while a one-shot command reconciles; false when asked to stop first. */
  private async acquireLease(stopping: () => boolean): Promise<boolean> {
    let told = false;
    while (!this.lease.tryAcquire()) {
      if (stopping()) return false;
      if (!told) this.opts.log(`waiting for the reconciler lease (held by pid ${this.lease.owner()?.pid ?? '?'})`);
      told = true;
      await sleep(LEASE_POLL_MS);
    }
    return true;
  }

  private async pass(): Promise<void> {
    if (!this.lease.held() && !this.lease.tryAcquire()) {
      this.opts.log(`the reconciler lease is held by pid ${this.lease.owner()?.pid ?? '?'}; waiting`);
      this.scheduler.request(1000);
      return;
    }
    try {
      const result = await this.reconciler.pass();
      if (this.failures) this.opts.log('reconciling again');
      this.failures = 0;
      this.lastFailure = undefined;
      this.logNewEvents();
      await this.syncProxies();
      const requeue = result.requeueAfterMs === undefined ? Infinity : Math.max(MIN_REQUEUE_MS, result.requeueAfterMs);
      this.scheduler.request(Math.min(this.opts.resyncMs, requeue));
    } catch (e) {
      this.failures++;
      const delay = Math.min(MAX_FAILURE_BACKOFF_MS, 500 * 2 ** (this.failures - 1));
      const message = (e as Error).message;
      if (message !== this.lastFailure) this.opts.log(`reconcile failed: ${message} (retrying, next in ${delay / 1000}s)`);
      this.lastFailure = message;
      this.scheduler.request(delay);
    }
  }

  /** Node ports first: a NodePort or LoadBalancer Service on the ingress port holds it, as Traefik's does on k3s. */
  private listeners(state: State) {
    const ports = nodePortListeners(state, this.opts.address);
    const taken = new Set(ports.map((l) => l.port));
    return [...ports, ...ingressListeners(state, this.opts.address, this.opts.ingressPorts).filter((l) => !taken.has(l.port))];
  }

  private async syncProxies(): Promise<void> {
    await this.proxies.sync(this.ctx.store.read());
    const listeners = this.proxies.listeners();
    if (this.info && JSON.stringify(listeners) !== JSON.stringify(this.info.listeners)) {
      this.info = { ...this.info, listeners };
      writeInfo(this.infoFile, this.info);
    }
  }

  /** What the passes did, from the events they recorded: `Normal Started pod/web-x: Started container web`. */
  private logNewEvents(): void {
    const events = this.ctx.store.read().data.events;
    for (const e of events) {
      if (this.eventsSeen.has(eventKey(e))) continue;
      const ns = e.involvedObject.namespace && e.involvedObject.namespace !== 'default' ? `${e.involvedObject.namespace}/` : '';
      this.opts.log(`${e.type} ${e.reason} ${ns}${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`);
    }
    this.eventsSeen = new Set(events.map(eventKey));
  }
}

function eventKey(e: KEvent): string {
  return `${e.involvedObject.uid}/${e.involvedObject.name}/${e.reason}/${e.message}/${e.count}/${e.firstTimestamp}`;
}

/** The autoscaler's metrics, sampled every `intervalMs` while there is an HPA (hpa/metrics.ts). */
class MetricsLoop {
  private timer?: NodeJS.Timeout;
  private busy = false;
  private lastError?: string;

  constructor(private readonly ctx: ControllerContext, private readonly intervalMs: number, private readonly log: (line: string) => void) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await collectHpaMetrics(this.ctx);
      this.lastError = undefined;
    } catch (e) {
      const message = (e as Error).message;
      if (message !== this.lastError) this.log(`collecting metrics failed: ${message}`);
      this.lastError = message;
    } finally {
      this.busy = false;
    }
  }
}
