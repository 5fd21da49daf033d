/**
 * The ingress controller's HTTP listener: each request goes to the route matchRoute picks, to the next of its
 * backends in round-robin order; a backend that refuses the connection is skipped for the next one, as the TCP
 * proxy does, so a rollout costs no request. WebSocket upgrades are spliced through. Requests in flight are
 * counted per backend, as the TCP proxy counts connections, for draining (service/proxy/drain.ts). The TLS
 * listener terminates TLS with the certificate SNI names (routing/certificates.ts), then serves the same routes.
 */
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as tls from 'tls';
import type { Duplex } from 'stream';
import type { Backend } from '../../service/controller/backends';
import { certificateFor, type Certificate } from '../routing/certificates';
import { matchRoute } from '../routing/match';
import { allBackends, type RouteTable, type Target } from '../routing/routes';

export interface HttpProxyOptions {
  address: string;
  port: number;
  onConnections?: (key: string, open: number) => void;
  log?: (message: string) => void;
  connectTimeoutMs?: number;
  /** Terminate TLS (the certificates come with the routes). */
  tls?: boolean;
}

/** Hop-by-hop headers (RFC 9110 7.6.1) are the proxy's own, never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

export class HttpProxy {
  private table: RouteTable = { routes: [] };
  private readonly next = new Map<string, number>();
  private readonly open = new Map<string, number>();
  /** Upgraded connections: the HTTP server no longer tracks them, so closing it must end them itself. */
  private readonly upgraded = new Set<Duplex>();
  private server?: http.Server;
  private certificates: Certificate[] = [];
  /** Secure contexts by certificate, made once each. */
  private readonly contexts = new Map<string, tls.SecureContext>();

  constructor(private readonly opts: HttpProxyOptions) {}

  listen(): Promise<number> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => this.serve(req, res);
    const server = this.opts.tls ? https.createServer({ SNICallback: (name, cb) => this.secureContext(name, cb) }, handler) : http.createServer(handler);
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    server.on('clientError', (_e, socket) => socket.destroy());
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.address, () => {
        server.off('error', reject);
        server.on('error', (e) => this.opts.log?.(`ingress ${this.opts.address}:${this.opts.port}: ${e.message}`));
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  }

  setRoutes(table: RouteTable, certificates: Certificate[] = []): void {
    this.table = table;
    this.certificates = certificates;
    const wanted = new Set(certificates.map(contextKey));
    for (const key of this.contexts.keys()) if (!wanted.has(key)) this.contexts.delete(key);
  }

  currentBackends(): Backend[] {
    return allBackends(this.table);
  }

  openConnections(): Map<string, number> {
    return new Map(this.open);
  }

  async close(destroy = false): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (!destroy) return;
    server.closeAllConnections();
    for (const socket of this.upgraded) socket.destroy();
    await closed;
  }

  private secureContext(servername: string, cb: (err: Error | null, ctx?: tls.SecureContext) => void): void {
    const cert = certificateFor(this.certificates, servername);
    if (!cert) return cb(new Error(`no certificate for ${servername}`));
    const key = contextKey(cert);
    try {
      let ctx = this.contexts.get(key);
      if (!ctx) this.contexts.set(key, (ctx = tls.createSecureContext({ cert: cert.cert, key: cert.key })));
      cb(null, ctx);
    } catch (e) {
      this.opts.log?.(`ingress tls: the certificate of ${cert.name} cannot be used: ${(e as Error).message}`);
      cb(e as Error);
    }
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const target = matchRoute(this.table, req.headers.host, req.url ?? '/');
    if (!target) return plain(res, 404, '404 page not found');
    void this.connect(target).then((found) => {
      if (!found) return plain(res, target.backends.length ? 502 : 503, target.backends.length ? 'Bad Gateway' : 'no available server');
      const { socket, backend } = found;
      const done = this.begin(backend.key);
      const upstream = http.request({ method: req.method, path: req.url, headers: forwardedHeaders(req), createConnection: () => socket }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
        answer.pipe(res);
      });
      upstream.on('error', () => (res.headersSent ? res.destroy() : plain(res, 502, 'Bad Gateway')));
      req.on('error', () => upstream.destroy());
      res.on('close', () => {
        upstream.destroy();
        done();
      });
      req.pipe(upstream);
    });
  }

  private upgrade(req: http.IncomingMessage, client: Duplex, head: Buffer): void {
    client.on('error', () => undefined);
    this.upgraded.add(client);
    client.on('close', () => this.upgraded.delete(client));
    const target = matchRoute(this.table, req.headers.host, req.url ?? '/');
    if (!target) return void client.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    void this.connect(target).then((found) => {
      if (!found) return void client.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      const { socket, backend } = found;
      const done = this.begin(backend.key);
      const headers = { ...forwardedHeaders(req), connection: 'Upgrade', upgrade: String(req.headers.upgrade ?? '') };
      socket.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
      if (head.length) socket.write(head);
      socket.on('error', () => client.destroy());
      client.on('close', () => socket.destroy());
      socket.on('close', () => {
        client.destroy();
        done();
      });
      socket.pipe(client);
      client.pipe(socket);
    });
  }

  /** A connected socket to the first backend in turn that accepts, or undefined when none does. */
  private connect(target: Target): Promise<{ socket: net.Socket; backend: Backend } | undefined> {
    const candidates = this.roundRobin(target);
    const attempt = (i: number): Promise<{ socket: net.Socket; backend: Backend } | undefined> => {
      if (i >= candidates.length) return Promise.resolve(undefined);
      const backend = candidates[i];
      return new Promise((resolve) => {
        const socket = net.connect({ host: backend.host, port: backend.port });
        socket.setTimeout(this.opts.connectTimeoutMs ?? 3000, () => socket.destroy(new Error('connect timeout')));
        const failed = () => resolve(attempt(i + 1));
        socket.once('error', failed);
        socket.once('connect', () => {
          socket.off('error', failed);
          socket.setTimeout(0);
          resolve({ socket, backend });
        });
      });
    };
    return attempt(0);
  }

  private roundRobin(target: Target): Backend[] {
    const list = target.backends;
    if (list.length === 0) return [];
    const start = (this.next.get(target.name) ?? 0) % list.length;
    this.next.set(target.name, (start + 1) % list.length);
    return [...list.slice(start), ...list.slice(0, start)];
  }

  /** Counts a request in flight to `key`; the returned function ends it (once). */
  private begin(key: string): () => void {
    this.open.set(key, (this.open.get(key) ?? 0) + 1);
    this.opts.onConnections?.(key, this.open.get(key)!);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left === 0) this.open.delete(key);
      else this.open.set(key, left);
      this.opts.onConnections?.(key, left);
    };
  }
}

function contextKey(cert: Certificate): string {
  return `${cert.cert}\n${cert.key}`;
}

function plain(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) + 1 });
  res.end(`${body}\n`);
}

/** The client's headers, plus where the request came from (X-Forwarded-*, as ingress controllers add them). */
function forwardedHeaders(req: http.IncomingMessage): Record<string, string | string[]> {
  const headers = withoutHopByHop(req.headers);
  const client = req.socket.remoteAddress ?? '';
  const prior = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = prior ? `${prior}, ${client}` : client;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = req.socket instanceof tls.TLSSocket ? 'https' : 'http';
  headers['x-real-ip'] = client;
  return headers;
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}
