/**
 * The runtime contract against the real Docker engine (scripts/docker-setup.sh starts one), then what only a
 * real engine can show: the demo images serving, exec with stdin and timeouts, following logs, CPU stats.
 * Fails, rather than skips, when no engine answers: a green e2e run must mean Docker was exercised.
 */
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import { join } from 'path';
import { Readable } from 'stream';
import { connectDocker } from '../../src/runtime/docker/connect';
import { RuntimeError, type ContainerRuntime, type ContainerSpec } from '../../src/runtime/runtime';
import { readAll, until } from '../contract/helpers';
import { runtimeContract } from '../contract/runtime-contract';

const IMAGE = 'kctl-test/busybox:latest';

let connected: Promise<ContainerRuntime> | undefined;
function dockerRuntime(): Promise<ContainerRuntime> {
  connected ??= (async () => {
    const rt = await connectDocker(process.env);
    await rt.info(); // rejects with DockerUnreachableError (and every test fails) without an engine
    // Fast when the images are current (a label holds the hash of their build context).
    execFileSync('bash', [join(__dirname, '../../scripts/build-images.sh')], { stdio: 'ignore' });
    return rt;
  })();
  return connected;
}

runtimeContract('docker', dockerRuntime, { image: IMAGE, unpullableImage: 'nonexistent.invalid/nope:1' });

describe('DockerRuntime beyond the contract', () => {
  const labels = { 'io.kctl.test-run': randomBytes(4).toString('hex') };
  let rt: ContainerRuntime;
  let serial = 0;

  const startNew = async (extra: Partial<ContainerSpec>): Promise<string> => {
    const id = await rt.createContainer({ name: `kctl-e2e-${labels['io.kctl.test-run']}-${++serial}`, image: IMAGE, labels, ...extra });
    await rt.startContainer(id);
    return id;
  };

  beforeAll(async () => {
    rt = await dockerRuntime();
  });

  afterAll(async () => {
    if (!rt) return;
    for (const c of await rt.listContainers(labels)) await rt.removeContainer(c.id);
  });

  test.each([
    ['kctl-demo/web:v1', 'v1\n'],
    ['kctl-demo/web:v2', 'v2\n'],
  ])('%s serves /version, /healthz and a page naming its version, and stops at once with exit 0', async (image, version) => {
    const id = await startNew({ image, ports: [{ containerPort: 8080, protocol: 'TCP', hostPort: 0, hostIP: '127.0.0.1' }] });
    const base = `http://127.0.0.1:${(await rt.inspectContainer(id))!.ports[0].hostPort}`;
    const get = (path: string) => fetch(base + path).then((r) => r.text(), () => undefined);
    expect(await until(() => get('/version'), (body) => body !== undefined)).toBe(version);
    expect(await get('/healthz')).toBe('ok\n');
    expect(await get('/')).toContain(`<h1>kctl demo web ${version.trim()}</h1>`);
    await rt.stopContainer(id, 30); // a 30 s grace: passing quickly means SIGTERM ended it, not SIGKILL
    expect((await rt.inspectContainer(id))?.exitCode).toBe(0);
  });

  test('exec feeds stdin to the command', async () => {
    const id = await startNew({});
    expect(await rt.exec(id, ['sh', '-c', 'cat; echo done >&2'], { stdin: Readable.from([Buffer.from('line 1\nline 2\n')]) })).toEqual({
      exitCode: 0,
      stdout: 'line 1\nline 2\n',
      stderr: 'done\n',
    });
  });

  test('exec gives up after its timeout', async () => {
    const id = await startNew({});
    await expect(rt.exec(id, ['sleep', '5'], { timeoutMs: 300 })).rejects.toThrow(new RuntimeError('command timed out after 300ms'));
  });

  test('logs --follow streams until the container exits', async () => {
    const id = await startNew({ command: ['sh', '-c', 'echo a; sleep 0.3; echo b'] });
    expect(await readAll(await rt.logs(id, { follow: true }))).toBe('a\nb\n');
  });

  test('stats of a busy container show CPU use and memory', async () => {
    const id = await startNew({ command: ['sh', '-c', 'while :; do :; done'] });
    const stats = await rt.stats(id);
    expect(stats.cpuCores).toBeGreaterThan(0);
    expect(stats.memoryBytes).toBeGreaterThan(0);
  });
});
