/**
 * The ContainerRuntime contract: the same jest tests run against the fake runtime (tests/unit/runtime-fake.test.ts)
 * and the real engine (tests/e2e/runtime-docker.test.ts), so the fake cannot drift from what Docker does.
 * Everything a run creates carries a label unique to the run and is removed in afterAll.
 */
import { randomBytes } from 'crypto';
import { Readable } from 'stream';
import { RuntimeError, type ContainerRuntime, type ContainerSpec, type RuntimeEvent } from '../../src/runtime/runtime';
import { freePort, lines, readAll, until } from './helpers';

export interface ContractOptions {
  /** A local image with busybox whose default command runs until stopped and exits 0 on SIGTERM. */
  image: string;
  /** An image that is not present and cannot be pulled. */
  unpullableImage: string;
}

const RUN_LABEL = 'io.kctl.test-run';

export function runtimeContract(name: string, makeRuntime: () => Promise<ContainerRuntime>, opts: ContractOptions): void {
  describe(`ContainerRuntime contract: ${name}`, () => {
    const run = randomBytes(4).toString('hex');
    const labels = { [RUN_LABEL]: run };
    let rt: ContainerRuntime;
    let serial = 0;

    /** A container spec named and labelled for this run. */
    const spec = (extra: Partial<ContainerSpec> = {}): ContainerSpec => ({
      name: `kctl-contract-${run}-${++serial}`,
      image: opts.image,
      ...extra,
      labels: { ...labels, ...extra.labels },
    });

    const startNew = async (extra: Partial<ContainerSpec> = {}): Promise<string> => {
      const id = await rt.createContainer(spec(extra));
      await rt.startContainer(id);
      return id;
    };

    const exited = (id: string) => until(() => rt.inspectContainer(id), (c) => c?.status === 'exited');

    beforeAll(async () => {
      rt = await makeRuntime();
    });

    afterAll(async () => {
      if (!rt) return;
      for (const c of await rt.listContainers(labels)) await rt.removeContainer(c.id);
      for (const n of await rt.listNetworks(labels)) await rt.removeNetwork(n);
      for (const v of await rt.listVolumes(labels)) await rt.removeVolume(v);
    });

    test('info names the engine', async () => {
      const info = await rt.info();
      expect(info.version).toEqual(expect.any(String));
      expect(info.apiVersion).toMatch(/^\d+\.\d+$/);
    });

    test('create makes a container in state created with the spec\'s name, image and labels', async () => {
      const s = spec({ labels: { 'io.kctl.pod': 'web-1' } });
      const id = await rt.createContainer(s);
      const c = await rt.inspectContainer(id);
      expect(c).toMatchObject({ id, name: s.name, image: opts.image, status: 'created', labels: s.labels, ports: [] });
      expect(c?.startedAt).toBeUndefined();
      expect(c?.exitCode).toBeUndefined();
      expect(Number.isNaN(Date.parse(c!.createdAt))).toBe(false);
      expect(await rt.inspectContainer(s.name)).toMatchObject({ id });
    });

    test('start runs it; list finds it by label and only by matching labels', async () => {
      const id = await startNew({ labels: { 'io.kctl.pod': 'listed' } });
      const c = await rt.inspectContainer(id);
      expect(c?.status).toBe('running');
      expect(Number.isNaN(Date.parse(c!.startedAt!))).toBe(false);
      expect((await rt.listContainers({ ...labels, 'io.kctl.pod': 'listed' })).map((x) => x.id)).toEqual([id]);
      expect(await rt.listContainers({ ...labels, 'io.kctl.pod': 'nobody' })).toEqual([]);
      await rt.startContainer(id); // already running: no error
    });

    test('stop ends it (exit 0 for an image that handles SIGTERM); stopping again is no error', async () => {
      const id = await startNew();
      await rt.stopContainer(id, 5);
      const c = await rt.inspectContainer(id);
      expect(c).toMatchObject({ status: 'exited', exitCode: 0, ports: [] });
      expect(Number.isNaN(Date.parse(c!.finishedAt!))).toBe(false);
      await rt.stopContainer(id, 5);
    });

    test('remove deletes it, running or not; removing again is no error', async () => {
      const id = await startNew();
      await rt.removeContainer(id);
      expect(await rt.inspectContainer(id)).toBeUndefined();
      expect((await rt.listContainers(labels)).map((c) => c.id)).not.toContain(id);
      await rt.removeContainer(id);
    });

    test('operations on a missing container fail with 404', async () => {
      await expect(rt.startContainer('kctl-contract-nonexistent')).rejects.toMatchObject({ statusCode: 404 });
      await expect(rt.stopContainer('kctl-contract-nonexistent', 1)).rejects.toMatchObject({ statusCode: 404 });
      expect(await rt.inspectContainer('kctl-contract-nonexistent')).toBeUndefined();
    });

    test('a second container with the same name is a 409 conflict in Docker\'s words', async () => {
      const s = spec();
      const id = await rt.createContainer(s);
      const err = await rt.createContainer({ ...s }).catch((e) => e);
      expect(err).toBeInstanceOf(RuntimeError);
      expect(err.statusCode).toBe(409);
      expect(err.message).toContain(`Conflict. The container name "/${s.name}" is already in use by container "${id}"`);
    });

    test('a container that exits by itself reports its exit code and its output in the logs', async () => {
      const id = await startNew({ command: ['sh', '-c'], args: ['echo hello; echo oops >&2; exit 3'] });
      const c = await exited(id);
      expect(c?.exitCode).toBe(3);
      // stdout and stderr reach the log through separate pipes: their relative order is not guaranteed.
      expect(lines(await readAll(await rt.logs(id, {}))).sort()).toEqual(['hello', 'oops']);
    });

    test('attach streams the output from the start until the process exits, feeds stdin, and stops on abort', async () => {
      const quick = await startNew({ command: ['sh', '-c'], args: ['echo hello; echo oops >&2; exit 3'] });
      await exited(quick);
      const out = { stdout: '', stderr: '' };
      await rt.attach(quick, { onOutput: (stream, chunk) => (out[stream] += chunk.toString('utf8')) });
      expect(out).toEqual({ stdout: 'hello\n', stderr: 'oops\n' });

      const cat = await startNew({ command: ['cat'], stdin: true, stdinOnce: true });
      let echoed = '';
      await rt.attach(cat, { stdin: Readable.from(['hi\n']), onOutput: (_stream, chunk) => (echoed += chunk.toString('utf8')) });
      expect(echoed).toBe('hi\n');
      expect((await exited(cat))?.exitCode).toBe(0);

      const running = await startNew();
      const abort = new AbortController();
      const attached = rt.attach(running, { onOutput: () => undefined, signal: abort.signal });
      abort.abort();
      await attached;
      expect((await rt.inspectContainer(running))?.status).toBe('running');
    });

    test('logs honour tail and timestamps', async () => {
      const id = await startNew({ command: ['sh', '-c', 'echo one; echo two; echo three'] });
      await exited(id);
      expect(await readAll(await rt.logs(id, { tail: 2 }))).toBe('two\nthree\n');
      const stamped = lines(await readAll(await rt.logs(id, { timestamps: true })));
      expect(stamped).toHaveLength(3);
      for (const line of stamped) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z (one|two|three)$/);
    });

    test('files put before start are there when it runs', async () => {
      const id = await rt.createContainer(spec({ command: ['sh', '-c', 'cat /etc/kctl-contract/a.txt /etc/kctl-contract/sub/b.txt'] }));
      await rt.putFiles!(id, '/etc/kctl-contract', [
        { path: 'a.txt', content: Buffer.from('alpha\n'), mode: 0o644 },
        { path: 'sub/b.txt', content: Buffer.from('beta\n'), mode: 0o600 },
      ]);
      await rt.startContainer(id);
      expect((await exited(id))?.exitCode).toBe(0);
      expect(await readAll(await rt.logs(id, {}))).toBe('alpha\nbeta\n');
    });

    test('ports are published on 127.0.0.1, on a free port the engine picks for hostPort 0', async () => {
      const id = await startNew({ ports: [{ containerPort: 8080, protocol: 'TCP', hostPort: 0, hostIP: '127.0.0.1' }] });
      const [port] = (await rt.inspectContainer(id))!.ports;
      expect(port).toMatchObject({ containerPort: 8080, protocol: 'TCP', hostIP: '127.0.0.1' });
      expect(port.hostPort).toBeGreaterThan(1024);
    });

    test('an explicit host port in use by another container fails the start with Docker\'s message', async () => {
      const hostPort = await freePort();
      const ports = [{ containerPort: 8080, protocol: 'TCP' as const, hostPort, hostIP: '127.0.0.1' }];
      const first = await startNew({ ports });
      expect((await rt.inspectContainer(first))!.ports).toEqual(ports);
      const second = await rt.createContainer(spec({ ports }));
      const err = await rt.startContainer(second).catch((e) => e);
      expect(err).toBeInstanceOf(RuntimeError);
      expect(err.message).toContain(`Bind for 127.0.0.1:${hostPort} failed: port is already allocated`);
      expect((await rt.inspectContainer(second))?.status).not.toBe('running');
    });

    test('exec passes the command\'s exit code and output through', async () => {
      const id = await startNew();
      expect(await rt.exec(id, ['sh', '-c', 'echo out; echo err >&2; exit 5'])).toEqual({ exitCode: 5, stdout: 'out\n', stderr: 'err\n' });
      expect(await rt.exec(id, ['true'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    });

    test('exec in a container that is not running is a 409', async () => {
      const id = await rt.createContainer(spec());
      await expect(rt.exec(id, ['true'])).rejects.toMatchObject({ statusCode: 409 });
    });

    test('networks: ensure is idempotent, containers join with an address, remove is idempotent', async () => {
      const net = `kctl-contract-${run}-net`;
      await rt.ensureNetwork(net, labels);
      await rt.ensureNetwork(net, labels);
      expect(await rt.listNetworks(labels)).toEqual([net]);
      const id = await startNew({ network: net, networkAliases: ['web'], hostname: 'web-0' });
      expect((await rt.inspectContainer(id))?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      await rt.removeContainer(id);
      await rt.removeNetwork(net);
      await rt.removeNetwork(net);
      expect(await rt.listNetworks(labels)).toEqual([]);
    });

    test('volumes: ensure is idempotent, listed by label, remove is idempotent', async () => {
      const vol = `kctl-contract-${run}-vol`;
      await rt.ensureVolume(vol, labels);
      await rt.ensureVolume(vol, labels);
      expect(await rt.listVolumes(labels)).toEqual([vol]);
      await rt.removeVolume(vol);
      await rt.removeVolume(vol);
      expect(await rt.listVolumes(labels)).toEqual([]);
    });

    test('images: a present image exists; a missing one does not, and pulling it fails with the engine\'s message', async () => {
      expect(await rt.imageExists(opts.image)).toBe(true);
      expect(await rt.imageExists(opts.unpullableImage)).toBe(false);
      // The test image sets no USER: it runs as root, which is what runAsNonRoot is verified against.
      expect(await rt.imageUser(opts.image)).toBe('');
      expect(await rt.imageUser(opts.unpullableImage)).toBeUndefined();
      const err = await rt.pullImage(opts.unpullableImage).catch((e) => e);
      expect(err).toBeInstanceOf(RuntimeError);
      expect(err.message).toContain(opts.unpullableImage.split('/')[0]);
      const create = await rt.createContainer(spec({ image: opts.unpullableImage })).catch((e) => e);
      expect(create).toMatchObject({ statusCode: 404, message: `No such image: ${opts.unpullableImage}` });
    });

    test('stats of a running container are numbers', async () => {
      const id = await startNew();
      const stats = await rt.stats(id);
      expect(stats.cpuCores).toBeGreaterThanOrEqual(0);
      expect(stats.memoryBytes).toBeGreaterThanOrEqual(0);
    });

    test('events report the lifecycle of containers carrying the labels', async () => {
      const seen: RuntimeEvent[] = [];
      const errors: Error[] = [];
      const eventLabels = { ...labels, 'io.kctl.pod': 'evented' };
      const stop = await rt.events(eventLabels, (e) => seen.push(e), (e) => errors.push(e));
      try {
        const other = await startNew(); // not carrying the pod label: not reported
        const id = await startNew({ labels: { 'io.kctl.pod': 'evented' } });
        await rt.removeContainer(id);
        await until(async () => seen.map((e) => e.action), (actions) => actions.includes('destroy'));
        expect(seen.every((e) => e.containerId === id)).toBe(true);
        expect(seen.map((e) => e.action)).toEqual(['create', 'start', 'kill', 'die', 'destroy']);
        expect(seen[0].labels).toMatchObject(eventLabels);
        await rt.removeContainer(other);
      } finally {
        stop();
      }
      expect(errors).toEqual([]);
    });
  });
}
