/** The fake runtime's test-facing API: how unit tests of controllers arrange and observe the world. */
import { DockerUnreachableError } from '../../src/errors';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import type { ContainerSpec } from '../../src/runtime/runtime';

const T0 = new Date('2024-05-01T10:00:00.000Z');
let clock: Date;
let rt: FakeRuntime;

beforeEach(() => {
  clock = T0;
  rt = new FakeRuntime({ now: () => clock });
});

// The engine wants names of two characters or more.
const spec = (name: string, extra: Partial<ContainerSpec> = {}): ContainerSpec => ({ name: `pod-${name}`, image: 'app:v1', labels: { app: 'a' }, ...extra });

async function running(name: string, extra: Partial<ContainerSpec> = {}): Promise<string> {
  const id = await rt.createContainer(spec(name, extra));
  await rt.startContainer(id);
  return id;
}

const later = (seconds: number) => (clock = new Date(T0.getTime() + seconds * 1000));
const flush = () => new Promise((resolve) => setImmediate(resolve));

test('times come from the injected clock; ids are deterministic', async () => {
  const id = await rt.createContainer(spec('a'));
  later(5);
  await rt.startContainer(id);
  expect(await rt.inspectContainer(id)).toMatchObject({ createdAt: '2024-05-01T10:00:00.000Z', startedAt: '2024-05-01T10:00:05.000Z' });
  expect(id).toBe(await new FakeRuntime().createContainer(spec('a')));
});

test('crash: the container exits with the code and a die event', async () => {
  const id = await running('a');
  later(10);
  rt.crash(id, 2);
  expect(await rt.inspectContainer(id)).toMatchObject({ status: 'exited', exitCode: 2, finishedAt: '2024-05-01T10:00:10.000Z' });
  expect(rt.emitted.map((e) => e.action)).toEqual(['create', 'start', 'die']);
  expect(() => rt.crash(id, 1)).toThrow('FakeRuntime: container pod-a is not running');
});

test('oomKill: exit 137 with oomKilled, after an oom event', async () => {
  const id = await running('a');
  rt.oomKill(id);
  expect(await rt.inspectContainer(id)).toMatchObject({ status: 'exited', exitCode: 137, oomKilled: true });
  expect(rt.emitted.map((e) => e.action)).toEqual(['create', 'start', 'oom', 'die']);
});

test('removeBehindBack: gone, with the engine\'s events, and not counted as kctl\'s removal', async () => {
  const id = await running('a');
  rt.removeBehindBack('pod-a');
  expect(await rt.inspectContainer(id)).toBeUndefined();
  expect(rt.emitted.map((e) => e.action)).toEqual(['create', 'start', 'kill', 'die', 'destroy']);
  expect(rt.calls).toEqual({ creates: 1, starts: 1, stops: 0, removes: 0, pulls: 0, execs: 0 });
});

test('images: missing ones cannot be used until pulled; failPull makes the pull fail with the message', async () => {
  rt.setImageMissing('app');
  expect(await rt.imageExists('app:latest')).toBe(false);
  await expect(rt.createContainer(spec('a', { image: 'app' }))).rejects.toMatchObject({ statusCode: 404, message: 'No such image: app:latest' });
  await rt.pullImage('app');
  expect(await rt.imageExists('app')).toBe(true);
  rt.setImageMissing('private/app:v2');
  rt.failPull('private/app:v2', 'pull access denied for private/app, repository does not exist');
  await expect(rt.pullImage('private/app:v2')).rejects.toThrow('pull access denied for private/app, repository does not exist');
  expect(await rt.imageExists('private/app:v2')).toBe(false);
  expect(rt.calls.pulls).toBe(2);
});

test('setExecResult: by string, pattern or predicate; the latest matching one wins', async () => {
  const a = await running('a');
  const b = await running('b');
  rt.setExecResult('cat /tmp/healthy', { exitCode: 1, stderr: 'no\n' });
  rt.setExecResult(/^wget /, { exitCode: 0, stdout: 'ok' });
  rt.setExecResult((argv, c) => argv[0] === 'cat' && c.name === 'pod-b', { exitCode: 0 });
  expect(await rt.exec(a, ['cat', '/tmp/healthy'])).toEqual({ exitCode: 1, stdout: '', stderr: 'no\n' });
  expect(await rt.exec(b, ['cat', '/tmp/healthy'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  expect(await rt.exec(a, ['wget', '-q', 'http://127.0.0.1:8080/'])).toEqual({ exitCode: 0, stdout: 'ok', stderr: '' });
  expect(rt.calls.execs).toBe(3);
});

test('setStats: what stats() answers for that container; zeros otherwise', async () => {
  const a = await running('a');
  const b = await running('b');
  rt.setStats(a, { cpuCores: 0.25, memoryBytes: 64 << 20 });
  expect(await rt.stats(a)).toEqual({ cpuCores: 0.25, memoryBytes: 64 << 20 });
  expect(await rt.stats(b)).toEqual({ cpuCores: 0, memoryBytes: 0 });
});

test('hostPort 0 takes the lowest free port from 32768; a stopped container frees its ports', async () => {
  const port0 = { containerPort: 8080, protocol: 'TCP' as const, hostPort: 0, hostIP: '127.0.0.1' };
  const ids = [await running('a', { ports: [port0] }), await running('b', { ports: [port0] }), await running('c', { ports: [port0] })];
  const hostPorts = async () => Promise.all(ids.map(async (id) => (await rt.inspectContainer(id))!.ports[0]?.hostPort));
  expect(await hostPorts()).toEqual([32768, 32769, 32770]);
  await rt.stopContainer(ids[0], 1);
  await rt.startContainer(ids[0]);
  expect(await hostPorts()).toEqual([32768, 32769, 32770]);
  await rt.stopContainer(ids[1], 1);
  const d = await running('d', { ports: [port0] });
  expect((await rt.inspectContainer(d))!.ports[0].hostPort).toBe(32769);
});

test('the same explicit port on another address is no conflict; on the same one it is', async () => {
  const at = (hostIP: string) => [{ containerPort: 80, protocol: 'TCP' as const, hostPort: 8080, hostIP }];
  await running('a', { ports: at('127.0.0.1') });
  await running('b', { ports: at('127.0.0.2') });
  const c = await rt.createContainer(spec('c', { ports: at('127.0.0.1') }));
  await expect(rt.startContainer(c)).rejects.toThrow(/: Bind for 127\.0\.0\.1:8080 failed: port is already allocated$/);
  expect(await rt.inspectContainer(c)).toMatchObject({ status: 'created', error: expect.stringContaining('port is already allocated') });
});

test('events: delivered asynchronously to subscribers whose labels match, until they stop', async () => {
  const seen: string[] = [];
  const stop = await rt.events({ app: 'a' }, (e) => seen.push(e.action), () => undefined);
  const creating = rt.createContainer(spec('a'));
  expect(seen).toEqual([]); // not from inside the call: a handler may call back into the runtime
  const id = await creating;
  await rt.startContainer(id);
  await rt.createContainer(spec('other', { labels: { app: 'b' } }));
  await flush();
  expect(seen).toEqual(['create', 'start']);
  stop();
  await rt.stopContainer(id, 1);
  await flush();
  expect(seen).toEqual(['create', 'start']);
  expect(rt.emitted.map((e) => e.action)).toEqual(['create', 'start', 'create', 'kill', 'die', 'stop']);
});

test('logs --follow: what is there, then the end when the container exits', async () => {
  const id = await running('a', { command: ['sh', '-c', 'echo ready; sleep 3600'] });
  const stream = await rt.logs(id, { follow: true, timestamps: true });
  rt.crash(id, 1);
  let text = '';
  for await (const chunk of stream) text += chunk;
  expect(text).toBe('2024-05-01T10:00:00.000Z ready\n');
});

test('logs --since counts back from the clock', async () => {
  const id = await running('a', { command: ['sh', '-c', 'echo early; sleep 3600'] });
  later(120);
  let text = '';
  for await (const chunk of await rt.logs(id, { sinceSeconds: 60 })) text += chunk;
  expect(text).toBe('');
});

test('networks and volumes refuse removal while in use, as the engine does', async () => {
  await rt.ensureNetwork('ns', { app: 'a' });
  await rt.ensureVolume('data', { app: 'a' });
  await expect(rt.createContainer(spec('x', { network: 'missing' }))).rejects.toMatchObject({ statusCode: 404, message: 'network missing not found' });
  const id = await running('a', { network: 'ns', mounts: [{ type: 'volume', source: 'data', target: '/data' }] });
  await expect(rt.removeNetwork('ns')).rejects.toMatchObject({ statusCode: 403, message: expect.stringMatching(/^error while removing network: network ns id [0-9a-f]{64} has active endpoints$/) });
  await expect(rt.removeVolume('data')).rejects.toMatchObject({ statusCode: 409, message: `remove data: volume is in use - [${id}]` });
  await rt.removeContainer(id);
  await rt.removeNetwork('ns');
  await rt.removeVolume('data');
  expect(await rt.listNetworks({})).toEqual([]);
  expect(await rt.listVolumes({})).toEqual([]);
});

test('names must be valid', async () => {
  await expect(rt.createContainer({ ...spec('x'), name: '-bad' })).rejects.toMatchObject({
    statusCode: 400,
    message: 'Invalid container name (-bad), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
  });
});

test('setUnreachable: every operation fails as with the engine down, until switched off', async () => {
  rt.setUnreachable(true);
  await expect(rt.listContainers({})).rejects.toBeInstanceOf(DockerUnreachableError);
  await expect(rt.createContainer(spec('a'))).rejects.toBeInstanceOf(DockerUnreachableError);
  rt.setUnreachable(false);
  expect(await rt.listContainers({})).toEqual([]);
});
