/**
 * The host-side TCP proxy on real sockets (127.0.0.1 only): round-robin over backends for new connections,
 * a refusing backend skipped, and draining: a backend taken out gets no new connections while its open
 * ones carry on, and is reported until they end.
 */
import * as net from 'net';
import type { Backend } from '../../src/kinds/service/controller/backends';
import { TcpProxy } from '../../src/kinds/service/proxy/proxy';
import { ProxySet } from '../../src/kinds/service/proxy/proxy-set';

/** A backend that greets each connection with its name, then echoes. */
async function backend(name: string): Promise<{ server: net.Server; b: Backend }> {
  const server = net.createServer((s) => {
    s.write(`${name}\n`);
    s.pipe(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, b: { key: name, label: `default/${name}`, host: '127.0.0.1', port: (server.address() as net.AddressInfo).port } };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const { server, b } = await backend('gone');
  await new Promise((r) => server.close(r));
  return b.port;
}

function connect(port: number): Promise<{ socket: net.Socket; greeting: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    socket.once('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNREFUSED' ? resolve({ socket, greeting: '<refused>' }) : reject(e)));
    socket.once('data', (d: string) => resolve({ socket, greeting: d.trim() }));
    socket.once('close', () => resolve({ socket, greeting: '<closed>' }));
  });
}

function roundTrip(socket: net.Socket, text: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (d) => resolve(String(d)));
    socket.write(text);
  });
}

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c(); // proxies first: servers close when their connections do
});

async function proxyOver(backends: Backend[], onConnections?: (key: string, open: number) => void): Promise<{ proxy: TcpProxy; port: number }> {
  const proxy = new TcpProxy({ address: '127.0.0.1', port: 0, onConnections });
  const port = await proxy.listen();
  proxy.setBackends(backends);
  cleanup.push(() => proxy.close(true));
  return { proxy, port };
}

async function servers(...names: string[]): Promise<Backend[]> {
  const made = await Promise.all(names.map(backend));
  cleanup.push(...made.map(({ server }) => () => new Promise((r) => server.close(r))));
  return made.map((m) => m.b);
}

test('new connections go round-robin over the backends', async () => {
  const { port } = await proxyOver(await servers('a', 'b', 'c'));
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const { socket, greeting } = await connect(port);
    seen.push(greeting);
    socket.destroy();
  }
  expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
});

test('a backend that refuses is skipped for the next; with none left the client is closed', async () => {
  const [a] = await servers('a');
  const refused: Backend = { key: 'x', label: 'default/x', host: '127.0.0.1', port: await closedPort() };
  const { proxy, port } = await proxyOver([refused, a]);
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { socket, greeting } = await connect(port);
    seen.push(greeting);
    socket.destroy();
  }
  expect(seen).toEqual(['a', 'a', 'a']);
  proxy.setBackends([refused]);
  expect((await connect(port)).greeting).toBe('<closed>');
  proxy.setBackends([]);
  expect((await connect(port)).greeting).toBe('<closed>');
});

test('a backend taken out gets no new connections; its open one keeps working and is counted until it ends', async () => {
  const [a, b] = await servers('a', 'b');
  const changes: string[] = [];
  const { proxy, port } = await proxyOver([a, b], (key, open) => changes.push(`${key}=${open}`));
  const first = await connect(port);
  expect(first.greeting).toBe('a');
  proxy.setBackends([b]);
  for (let i = 0; i < 3; i++) {
    const { socket, greeting } = await connect(port);
    expect(greeting).toBe('b');
    socket.destroy();
  }
  expect(await roundTrip(first.socket, 'still here')).toBe('still here');
  expect(proxy.openConnections().get('a')).toBe(1);
  const closed = new Promise((r) => first.socket.once('close', r));
  first.socket.end();
  await closed;
  for (let i = 0; i < 50 && proxy.openConnections().has('a'); i++) await new Promise((r) => setTimeout(r, 10));
  expect(proxy.openConnections().has('a')).toBe(false);
  expect(changes.filter((c) => c.startsWith('a='))).toEqual(['a=1', 'a=0']);
});

test('a proxy set reports backends that are out but still have connections, also of a listener no longer wanted', async () => {
  const [a, b] = await servers('a', 'b');
  const logs: string[] = [];
  const set = new ProxySet({ log: (l) => logs.push(l) });
  cleanup.push(() => set.close());
  const port = await closedPort();
  await set.sync([{ address: '127.0.0.1', port, backends: [a, b], name: 'service default/web port 80' }]);
  expect(logs[0]).toBe(`listening on 127.0.0.1:${port} (service default/web port 80)`);
  const open = await connect(port);
  expect(open.greeting).toBe('a');
  expect([...set.draining()]).toEqual([]);
  await set.sync([{ address: '127.0.0.1', port, backends: [b], name: 'service default/web port 80' }]);
  expect([...set.draining()]).toEqual(['a']);
  await set.sync([]);
  expect((await connect(port)).greeting).toBe('<refused>');
  expect([...set.draining()]).toEqual(['a']);
  expect(await roundTrip(open.socket, 'ok')).toBe('ok');
  open.socket.destroy();
  for (let i = 0; i < 50 && set.draining().size; i++) await new Promise((r) => setTimeout(r, 10));
  expect([...set.draining()]).toEqual([]);
});

test('a port another program holds is reported and retried on the next sync', async () => {
  const [a] = await servers('a');
  const holder = net.createServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
  const port = (holder.address() as net.AddressInfo).port;
  const logs: string[] = [];
  const set = new ProxySet({ log: (l) => logs.push(l) });
  cleanup.push(() => set.close());
  const spec = { address: '127.0.0.1', port, backends: [a], name: 'service default/web port 80' };
  await set.sync([spec]);
  await set.sync([spec]);
  expect(logs).toEqual([`cannot listen on 127.0.0.1:${port} (service default/web port 80): listen EADDRINUSE: address already in use 127.0.0.1:${port}`]);
  expect(set.listeners()[0].failure).toMatch(/EADDRINUSE/);
  await new Promise((r) => holder.close(r));
  await set.sync([spec]);
  const { socket, greeting } = await connect(port);
  expect(greeting).toBe('a');
  socket.destroy();
});
