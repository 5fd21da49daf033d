import { DockerUnreachableError, ExitCode } from '../../src/errors';
import { connectDocker } from '../../src/runtime/docker/connect';
import { asKctlError, engineError, ignoreStatus } from '../../src/runtime/docker/errors';
import { RuntimeError, type ContainerRuntime } from '../../src/runtime/runtime';

const START_HINT = 'run scripts/docker-setup.sh (Debian) or start Docker Desktop; DOCKER_HOST and --context choose another engine';

function netError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

test('a missing socket is an unreachable engine, with how to start one', () => {
  const e = asKctlError(netError('connect ENOENT /var/run/docker.sock', { code: 'ENOENT', syscall: 'connect', address: '/var/run/docker.sock' }));
  expect(e).toBeInstanceOf(DockerUnreachableError);
  expect(e?.message).toBe('cannot connect to the Docker engine at unix:///var/run/docker.sock: connect ENOENT /var/run/docker.sock');
  expect(e?.hint).toBe(START_HINT);
  expect(e?.exitCode).toBe(ExitCode.DockerUnreachable);
});

test('refused TCP connections, hang-ups and permission problems are unreachable engines too', () => {
  const refused = asKctlError(netError('connect ECONNREFUSED 127.0.0.1:2375', { code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 2375 }));
  expect(refused?.message).toBe('cannot connect to the Docker engine at tcp://127.0.0.1:2375: connect ECONNREFUSED 127.0.0.1:2375');
  expect(asKctlError(netError('socket hang up', { code: 'ECONNRESET' }))).toBeInstanceOf(DockerUnreachableError);
  const denied = asKctlError(netError('connect EACCES /var/run/docker.sock', { code: 'EACCES', syscall: 'connect', address: '/var/run/docker.sock' }));
  expect(denied?.hint).toBe('run kctl as root or as a member of the "docker" group; DOCKER_HOST and --context choose another engine');
});

test('errors that are not about reaching Docker are left alone', () => {
  expect(asKctlError(netError("ENOENT: no such file or directory, open 'x.yaml'", { code: 'ENOENT', syscall: 'open' }))).toBeUndefined();
  expect(asKctlError(new Error('boom'))).toBeUndefined();
  expect(asKctlError(new RuntimeError('No such container: x', 404))).toBeUndefined();
});

test('an engine-reported failure keeps the engine\'s message verbatim', () => {
  const fromModem = Object.assign(new Error('(HTTP code 500) server error - Get "https://nonexistent.invalid/v2/": no such host '), {
    statusCode: 500,
    json: { message: 'Get "https://nonexistent.invalid/v2/": no such host' },
  });
  expect(engineError(fromModem, 'unix:///x')).toEqual(new RuntimeError('Get "https://nonexistent.invalid/v2/": no such host', 500));
  const rawBody = Object.assign(new Error('(HTTP code 404) no such container - '), { statusCode: 404, json: Buffer.from('page not found\n') });
  expect(engineError(rawBody, 'unix:///x')).toMatchObject({ message: 'page not found', statusCode: 404 });
});

test('ignoreStatus swallows only the listed engine statuses', () => {
  expect(ignoreStatus(404)(new RuntimeError('gone', 404))).toBeUndefined();
  expect(() => ignoreStatus(404)(new RuntimeError('conflict', 409))).toThrow('conflict');
  expect(() => ignoreStatus(404)(new Error('other'))).toThrow('other');
});

describe('every DockerRuntime method rejects with DockerUnreachableError when the engine is not there', () => {
  const calls: [string, (rt: ContainerRuntime) => Promise<unknown>][] = [
    ['info', (rt) => rt.info()],
    ['listContainers', (rt) => rt.listContainers({})],
    ['inspectContainer', (rt) => rt.inspectContainer('x')],
    ['createContainer', (rt) => rt.createContainer({ name: 'x', image: 'i', labels: {} })],
    ['startContainer', (rt) => rt.startContainer('x')],
    ['stopContainer', (rt) => rt.stopContainer('x', 1)],
    ['removeContainer', (rt) => rt.removeContainer('x')],
    ['imageExists', (rt) => rt.imageExists('i')],
    ['pullImage', (rt) => rt.pullImage('i')],
    ['ensureNetwork', (rt) => rt.ensureNetwork('n', {})],
    ['removeNetwork', (rt) => rt.removeNetwork('n')],
    ['listNetworks', (rt) => rt.listNetworks({})],
    ['ensureVolume', (rt) => rt.ensureVolume('v', {})],
    ['removeVolume', (rt) => rt.removeVolume('v')],
    ['listVolumes', (rt) => rt.listVolumes({})],
    ['exec', (rt) => rt.exec('x', ['true'])],
    ['logs', (rt) => rt.logs('x', {})],
    ['stats', (rt) => rt.stats('x')],
    ['events', (rt) => rt.events({}, () => undefined, () => undefined)],
    ['putFiles', (rt) => rt.putFiles!('x', '/d', [])],
  ];

  test.each(calls)('%s on a missing socket', async (_name, call) => {
    const rt = await connectDocker({ DOCKER_HOST: 'unix:///nonexistent/kctl-test/docker.sock' });
    const err = (await call(rt).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(DockerUnreachableError);
    expect(err.message).toBe(
      'cannot connect to the Docker engine at unix:///nonexistent/kctl-test/docker.sock: connect ENOENT /nonexistent/kctl-test/docker.sock',
    );
  });

  test('a refused TCP port', async () => {
    const rt = await connectDocker({}, 'tcp://127.0.0.1:1');
    await expect(rt.listContainers({})).rejects.toThrow(
      new DockerUnreachableError('cannot connect to the Docker engine at tcp://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1'),
    );
  });
});
