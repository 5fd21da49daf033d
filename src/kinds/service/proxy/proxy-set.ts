/**
 * The set of local proxies a process serves (NodePort listeners and the ingress port in the controller process,
 * the ports of a `kctl port-forward`), kept equal to a list of listener specs that is recomputed whenever the
 * state changes. A spec with routes is served by the HTTP(S) proxy of Ingresses, any other by the TCP proxy.
 * A listener that is no longer wanted stops accepting at once; its open connections are allowed to finish.
 */
import type { Backend } from '../controller/backends';
import type { HttpProxy } from '../../ingress/proxy/http-proxy';
import type { Certificate } from '../../ingress/routing/certificates';
import type { RouteTable } from '../../ingress/routing/routes';
import { TcpProxy } from './proxy';

export interface ListenerSpec {
  address: string;
  port: number;
  /** Every backend it may send to (those of its routes, for an HTTP listener). */
  backends: Backend[];
  /** HTTP routes by host and path: the listener is an ingress. */
  routes?: RouteTable;
  /** An ingress that terminates TLS with these certificates (chosen by SNI). */
  certificates?: Certificate[];
  /** What the listener serves, for logs: `service default/web port 80`. */
  name: string;
}

type Proxy = TcpProxy | HttpProxy;

interface Entry {
  proxy: Proxy;
  name: string;
  /** Listening failed with this message (a port taken by another program); retried on each sync. */
  failure?: string;
  listening: boolean;
}

export class ProxySet {
  private readonly entries = new Map<string, Entry>();
  /** Listeners no longer wanted whose connections are still open. */
  private readonly retired = new Set<Proxy>();

  constructor(private readonly opts: { log: (message: string) => void; onConnections?: () => void }) {}

  async sync(specs: ListenerSpec[]): Promise<void> {
    const wanted = new Map(specs.map((s) => [`${s.address}:${s.port}`, s]));
    for (const [key, entry] of this.entries) {
      if (wanted.get(key)?.name === entry.name) continue;
      this.entries.delete(key);
      await entry.proxy.close();
      if (entry.listening) this.opts.log(`stopped listening on ${key} (${entry.name})`);
      if (entry.proxy.openConnections().size) this.retired.add(entry.proxy);
    }
    for (const [key, spec] of wanted) {
      let entry = this.entries.get(key);
      if (!entry) {
        entry = { proxy: this.newProxy(spec), name: spec.name, listening: false };
        this.entries.set(key, entry);
      }
      const before = entry.proxy.currentBackends().map((b) => b.label).join(',');
      if (entry.proxy instanceof TcpProxy) entry.proxy.setBackends(spec.backends);
      else entry.proxy.setRoutes(spec.routes!, spec.certificates);
      if (!entry.listening) await this.listen(key, entry, spec);
      const after = spec.backends.map((b) => b.label).join(',');
      if (entry.listening && before !== after) this.opts.log(`${key} (${spec.name}) -> ${spec.backends.length ? spec.backends.map((b) => `${b.label} ${b.host}:${b.port}`).join(', ') : 'no ready endpoints'}`);
    }
  }

  /** Backend keys (pod uids) that have open connections but are no longer a backend of their listener. */
  draining(): Set<string> {
    const out = new Set<string>();
    const consider = (proxy: Proxy, current: Set<string>) => {
      for (const key of proxy.openConnections().keys()) if (!current.has(key)) out.add(key);
    };
    for (const { proxy } of this.entries.values()) consider(proxy, new Set(proxy.currentBackends().map((b) => b.key)));
    for (const proxy of this.retired) consider(proxy, new Set());
    return out;
  }

  /** Where each listener is bound, for status output. */
  listeners(): { address: string; name: string; failure?: string }[] {
    return [...this.entries].map(([address, e]) => ({ address, name: e.name, failure: e.failure }));
  }

  async close(): Promise<void> {
    for (const entry of this.entries.values()) await entry.proxy.close(true);
    for (const proxy of this.retired) await proxy.close(true);
    this.entries.clear();
    this.retired.clear();
  }

  private newProxy(spec: ListenerSpec): Proxy {
    const opts = { address: spec.address, port: spec.port, log: this.opts.log, onConnections: () => this.connectionsChanged() };
    if (!spec.routes) return new TcpProxy(opts);
    // Loaded only where an Ingress is served.
    const { HttpProxy } = require('../../ingress/proxy/http-proxy') as typeof import('../../ingress/proxy/http-proxy');
    return new HttpProxy({ ...opts, tls: spec.certificates !== undefined });
  }

  private async listen(key: string, entry: Entry, spec: ListenerSpec): Promise<void> {
    try {
      await entry.proxy.listen();
      entry.listening = true;
      entry.failure = undefined;
      this.opts.log(`listening on ${key} (${spec.name})`);
    } catch (e) {
      const message = (e as Error).message;
      if (entry.failure !== message) this.opts.log(`cannot listen on ${key} (${spec.name}): ${message}`);
      entry.failure = message;
    }
  }

  private connectionsChanged(): void {
    for (const proxy of this.retired) if (proxy.openConnections().size === 0) this.retired.delete(proxy);
    this.opts.onConnections?.();
  }
}
