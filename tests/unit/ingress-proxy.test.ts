/**
 * The ingress controller's HTTP proxy on real sockets (127.0.0.1 only): routes by host and path, round-robin
 * over a route's backends, a refusing backend skipped, 404/503 when there is no route or no endpoint,
 * X-Forwarded-* headers, request bodies, WebSocket-style upgrades, and requests in flight counted per backend.
 */
import * as http from 'http';
import * as net from 'net';
import type { Backend } from '../../src/kinds/service/controller/backends';
import { HttpProxy } from '../../src/kinds/ingress/proxy/http-proxy';
import type { RouteTable } from '../../src/kinds/ingress/routing/routes';
import { certificateFor, type Certificate } from '../../src/kinds/ingress/routing/certificates';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** An HTTP server answering `name method path body` and the forwarded headers; /hold waits until released. */
async function backend(name: string, held: (() => void)[] = []): Promise<Backend> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const answer = () => res.end(`${name} ${req.method} ${req.url} ${body} ${req.headers['x-forwarded-for']} ${req.headers['x-forwarded-host']}`);
      if (req.url === '/hold') held.push(answer);
      else answer();
    });
  });
  server.on('upgrade', (req, socket) => {
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nconnection: Upgrade\r\nupgrade: ${req.headers.upgrade}\r\n\r\n`);
    socket.on('data', (d) => socket.write(`${name}:${d}`));
    socket.on('end', () => socket.end()); // an HTTP server's sockets allow half-open ones
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));
  return { key: name, label: `default/${name}`, host: '127.0.0.1', port: (server.address() as net.AddressInfo).port };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function proxyWith(table: RouteTable, onConnections?: (key: string, open: number) => void): Promise<number> {
  const proxy = new HttpProxy({ address: '127.0.0.1', port: 0, onConnections });
  const port = await proxy.listen();
  proxy.setRoutes(table);
  cleanup.push(() => proxy.close(true));
  return port;
}

function request(port: number, path: string, opts: { host?: string; method?: string; body?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', agent: false, headers: opts.host ? { host: opts.host } : {} }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(`${res.statusCode} ${body.trim()}`));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('the ingress HTTP proxy', () => {
  test('routes by host and path, and spreads a route over its backends in turn', async () => {
    const [a, b, c] = await Promise.all([backend('a'), backend('b'), backend('c')]);
    const port = await proxyWith({
      routes: [
        { name: 'web', host: '', path: '/', exact: false, backends: [a, b] },
        { name: 'api', host: 'api.example.com', path: '/v1', exact: false, backends: [c] },
      ],
    });
    const answers = [await request(port, '/x'), await request(port, '/y'), await request(port, '/z')];
    expect(answers).toEqual(['200 a GET /x  127.0.0.1 127.0.0.1:' + port, '200 b GET /y  127.0.0.1 127.0.0.1:' + port, '200 a GET /z  127.0.0.1 127.0.0.1:' + port]);
    expect(await request(port, '/v1/items?q=1', { host: 'api.example.com', method: 'POST', body: 'hello' })).toBe('200 c POST /v1/items?q=1 hello 127.0.0.1 api.example.com');
    expect(await request(port, '/v2', { host: 'api.example.com' })).toMatch(/^200 [ab] GET \/v2 /);
  });

  test('a backend that refuses is skipped; no route is 404, a route without endpoints 503', async () => {
    const a = await backend('a');
    const gone: Backend = { key: 'gone', label: 'default/gone', host: '127.0.0.1', port: await closedPort() };
    const port = await proxyWith({ routes: [{ name: 'web', host: 'web', path: '/', exact: false, backends: [gone, a] }, { name: 'empty', host: 'empty', path: '/', exact: false, backends: [] }] });
    expect([await request(port, '/', { host: 'web' }), await request(port, '/', { host: 'web' })].map((r) => r.split(' ')[1])).toEqual(['a', 'a']);
    expect(await request(port, '/', { host: 'nobody' })).toBe('404 404 page not found');
    expect(await request(port, '/', { host: 'empty' })).toBe('503 no available server');
  });

  test('an upgrade is spliced through to the backend', async () => {
    const a = await backend('a');
    const port = await proxyWith({ routes: [{ name: 'ws', host: '', path: '/', exact: false, backends: [a] }] });
    const socket = net.connect(port, '127.0.0.1');
    cleanup.push(async () => socket.destroy());
    const seen = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d) => {
        text += d;
        if (text.includes('a:ping')) resolve(text);
      });
    });
    socket.write('GET /chat HTTP/1.1\r\nhost: x\r\nconnection: Upgrade\r\nupgrade: websocket\r\n\r\n');
    socket.once('data', () => socket.write('ping'));
    const text = await seen;
    expect(text.split('\r\n')[0]).toBe('HTTP/1.1 101 Switching Protocols');
    expect(text.endsWith('a:ping')).toBe(true);
  });

  test('requests in flight are counted per backend until they end', async () => {
    const held: (() => void)[] = [];
    const a = await backend('a', held);
    const counts: [string, number][] = [];
    const port = await proxyWith({ routes: [{ name: 'web', host: '', path: '/', exact: false, backends: [a] }] }, (key, open) => counts.push([key, open]));
    const answer = request(port, '/hold');
    for (let i = 0; i < 200 && held.length === 0; i++) await new Promise((r) => setImmediate(r));
    expect(counts).toEqual([['a', 1]]);
    held[0]();
    expect(await answer).toMatch(/^200 a GET \/hold/);
    for (let i = 0; i < 200 && counts.length < 2; i++) await new Promise((r) => setImmediate(r));
    expect(counts).toEqual([['a', 1], ['a', 0]]);
  });
});

describe('the ingress HTTPS proxy', () => {
  const { execFileSync } = require('child_process') as typeof import('child_process');
  const fs = require('fs') as typeof import('fs');
  const https = require('https') as typeof import('https');
  const { tempDir } = require('../helpers/temp-dir') as typeof import('../helpers/temp-dir');

  /** A self-signed certificate for `host` (openssl), as PEM strings. */
  function certificate(host: string, name: string): Certificate {
    const dir = tempDir();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/k`, '-out', `${dir}/c`, '-days', '1', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`], { stdio: 'ignore' });
    return { hosts: [host], cert: fs.readFileSync(`${dir}/c`, 'utf8'), key: fs.readFileSync(`${dir}/k`, 'utf8'), name };
  }

  /** GET over TLS with SNI `host`, trusting only `ca`: the status, body and the X-Forwarded-Proto the backend saw. */
  function get(port: number, host: string, ca: string): Promise<string> {
    return new Promise((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, path: '/', servername: host, headers: { host }, ca, agent: false }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve(`${res.statusCode} ${body}`));
        })
        .on('error', (e) => reject(e));
    });
  }

  test('terminates TLS with the certificate SNI names (exact host, then wildcard, then the first), then routes', async () => {
    const seen = http.createServer((req, res) => res.end(`${req.headers.host} ${req.headers['x-forwarded-proto']}`));
    await new Promise<void>((r) => seen.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => (seen.closeAllConnections(), seen.close(r))));
    const back: Backend = { key: 'b', label: 'default/b', host: '127.0.0.1', port: (seen.address() as net.AddressInfo).port };
    const exact = certificate('v2.example.com', 'default/v2');
    const wildcard = certificate('*.example.com', 'default/wild');
    const proxy = new HttpProxy({ address: '127.0.0.1', port: 0, tls: true });
    const port = await proxy.listen();
    // The exact host's certificate comes first, so it is the default: a.example.com must get the wildcard by matching.
    proxy.setRoutes({ routes: [{ name: 'web', host: '', path: '/', exact: false, backends: [back] }] }, [exact, wildcard]);
    cleanup.push(() => proxy.close(true));
    expect(await get(port, 'v2.example.com', exact.cert)).toBe('200 v2.example.com https');
    expect(await get(port, 'a.example.com', wildcard.cert)).toBe('200 a.example.com https');
    // No certificate names other.org: the first one is served, which the client does not trust for that name.
    await expect(get(port, 'other.org', exact.cert)).rejects.toThrow(/altnames|Hostname/);
    // A wildcard covers one label: deep.a.example.com gets the default.
    expect(certificateFor([exact, wildcard], 'deep.a.example.com')).toBe(exact);
    expect(certificateFor([exact, wildcard], 'b.example.com')).toBe(wildcard);
  });
});
