/**
 * A TCP proxy on one local port, kube-proxy's job on a node: each NEW connection goes to the next backend in
 * round-robin order; a backend that refuses is skipped for the next one, so a pod that is just starting or
 * just stopping costs the client nothing. Open connections are counted per backend: a backend taken out of
 * the list gets no new connections while its open ones finish (draining, see drain.ts).
 */
import * as net from 'net';
import type { Backend } from '../controller/backends';

export interface TcpProxyOptions {
  address: string;
  port: number;
  /** A backend's connections changed: `open` is how many remain. */
  onConnections?: (key: string, open: number) => void;
  log?: (message: string) => void;
  /** Give up on a backend that has not answered the connect in this time. */
  connectTimeoutMs?: number;
}

export class TcpProxy {
  private backends: Backend[] = [];
  private next = 0;
  private readonly open = new Map<string, Set<net.Socket>>();
  private server?: net.Server;

  constructor(private readonly opts: TcpProxyOptions) {}

  /** Starts listening; resolves with the port (useful with port 0). */
  listen(): Promise<number> {
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.address, () => {
        server.off('error', reject);
        server.on('error', (e) => this.opts.log?.(`proxy ${this.opts.address}:${this.opts.port}: ${e.message}`));
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  }

  setBackends(backends: Backend[]): void {
    this.backends = backends;
  }

  currentBackends(): Backend[] {
    return this.backends;
  }

  /** Backend keys with open connections. */
  openConnections(): Map<string, number> {
    return new Map([...this.open].map(([k, set]) => [k, set.size]));
  }

  /** Stops accepting at once. Open connections are left to finish unless `destroy` is set. */
  async close(destroy = false): Promise<void> {
    const server = this.server;
    this.server = undefined;
    // The listening socket closes now; the callback would wait for every open connection to end.
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    if (!destroy) return;
    for (const set of this.open.values()) for (const s of set) s.destroy();
    await closed;
  }

  private accept(client: net.Socket): void {
    client.on('error', () => undefined); // a reset by the client ends that connection only
    const candidates = this.roundRobin();
    const attempt = (i: number): void => {
      if (i >= candidates.length || client.destroyed) {
        client.destroy();
        return;
      }
      const backend = candidates[i];
      const upstream = net.connect({ host: backend.host, port: backend.port, allowHalfOpen: true });
      upstream.setTimeout(this.opts.connectTimeoutMs ?? 3000, () => upstream.destroy(new Error('connect timeout')));
      const failed = () => attempt(i + 1);
      upstream.once('error', failed);
      upstream.once('connect', () => {
        upstream.off('error', failed);
        upstream.setTimeout(0);
        this.splice(client, upstream, backend.key);
      });
    };
    attempt(0);
  }

  /** The backends starting with the next in turn. */
  private roundRobin(): Backend[] {
    const list = this.backends;
    if (list.length === 0) return [];
    const start = this.next % list.length;
    this.next = (start + 1) % list.length;
    return [...list.slice(start), ...list.slice(0, start)];
  }

  private splice(client: net.Socket, upstream: net.Socket, key: string): void {
    const set = this.open.get(key) ?? new Set();
    this.open.set(key, set);
    set.add(client);
    this.opts.onConnections?.(key, set.size);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    let closed = 0;
    const onClose = () => {
      if (++closed === 1) {
        client.destroy();
        upstream.destroy();
        return;
      }
      set.delete(client);
      if (set.size === 0) this.open.delete(key);
      this.opts.onConnections?.(key, set.size);
    };
    client.once('close', onClose);
    upstream.once('close', onClose);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  }
}
