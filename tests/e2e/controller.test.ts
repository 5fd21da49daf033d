/**
 * The controller process on real Docker: started detached, it owns reconciling (one-shot commands wait on it),
 * heals a container removed behind its back, resumes after SIGKILL without duplicates, stops without
 * touching the containers, and survives its engine going away and coming back.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { Kctl, deploymentYaml, docker, eventually } from './harness';

jest.setTimeout(180_000);

describe('the controller process', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.run(['controller', 'stop', '--timeout', '20s']);
    await k.cleanup();
  });

  const apps = async () => (await k.containers()).filter((c) => c.labels['io.kctl.role'] === 'app');
  const running = async () => (await apps()).filter((c) => c.state === 'running');
  const log = () => fs.readFileSync(`${k.statePath}.controller.log`, 'utf8');
  const pid = async () => Number(/pid (\d+)/.exec((await k.run(['controller', 'status'])).stdout)?.[1]);

  test('start runs it in the background with a pid file and a log; status says so', async () => {
    const r = await k.run(['controller', 'start']);
    expect(r).toEqual({ code: 0, stdout: `controller started (pid ${await pid()})\nlog: ${k.statePath}.controller.log\n`, stderr: '' });
    expect((await k.run(['controller', 'status'])).stdout).toMatch(new RegExp(`^controller is running \\(pid \\d+, up \\d+s\\)\\nstate: ${k.statePath}\\nlog: ${k.statePath}.controller.log\\n$`));
    const again = await k.run(['controller', 'start']);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/^error: a controller is already running for .* \(pid \d+\)\n/);
  });

  test('a one-shot apply only waits: with the controller frozen nothing happens, once it runs again it converges', async () => {
    const controller = await pid();
    process.kill(controller, 'SIGSTOP'); // alive, still holding the lease, doing nothing
    try {
      const r = await k.run(['apply', '-f', k.write('web.yaml', deploymentYaml('web', { replicas: 3 })), '--timeout', '3s']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('deployment.apps/web created\n');
      expect(r.stderr.split('\n')[0]).toBe('error: timed out waiting for the condition');
      expect(await apps()).toEqual([]);
    } finally {
      process.kill(controller, 'SIGCONT');
    }
    await eventually(async () => (await running()).length === 3, 100, 100);
    expect((await k.run(['rollout', 'status', 'deployment/web', '--timeout', '60s'])).stdout).toMatch(/deployment "web" successfully rolled out\n$/);
    expect(await apps()).toHaveLength(3);
  });

  test('a container removed behind its back is replaced; the replica count holds', async () => {
    const [victim] = await running();
    await docker(['rm', '-f', victim.id]);
    const replacement = await eventually(async () => (await running()).find((c) => c.labels['io.kctl.pod'] === victim.labels['io.kctl.pod']), 100, 100);
    expect(replacement.labels['io.kctl.attempt']).toBe('1');
    expect(await running()).toHaveLength(3);
    const pods = await k.run(['get', 'pods', '--no-headers']);
    expect(pods.stdout.trim().split('\n').map((l) => l.split(/\s+/).slice(1, 4).join(' ')).sort()).toEqual(['1/1 Running 0', '1/1 Running 0', '1/1 Running 1']);
  });

  test('killed with SIGKILL mid-work and started again, it finishes the work without duplicates', async () => {
    const r = await k.run(['scale', 'deployment/web', '--replicas', '6', '--wait=false']);
    expect(r.code).toBe(0);
    process.kill(await pid(), 'SIGKILL');
    await eventually(async () => (await k.run(['controller', 'status'])).stdout === 'controller is not running\n', 50, 100);
    expect((await k.run(['controller', 'start'])).code).toBe(0);
    await eventually(async () => (await running()).length === 6, 100, 100);
    const perPod = new Map<string, number>();
    for (const c of await apps()) perPod.set(c.labels['io.kctl.pod'], (perPod.get(c.labels['io.kctl.pod']) ?? 0) + 1);
    expect([...perPod.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    // The containers run before the pass that started them records the pods' readiness: wait for that record.
    const ready = async () => /^web\s+6\/6\s+6\s+6\s+\d+s\n$/.test((await k.run(['get', 'deployment', 'web', '--no-headers'])).stdout);
    await eventually(ready, 50, 100);
  });

  test('stop ends it with SIGTERM and leaves every container running; commands reconcile by themselves again', async () => {
    const before = (await running()).map((c) => c.id).sort();
    const r = await k.run(['controller', 'stop']);
    expect(r.stdout).toMatch(/^controller stopped \(pid \d+\)\n$/);
    expect(log().trimEnd().split('\n').slice(-2).map((l) => l.replace(/^\S+ /, ''))).toEqual(['stopping (containers keep running)', 'controller stopped']);
    expect((await running()).map((c) => c.id).sort()).toEqual(before);
    expect((await k.run(['controller', 'status'])).stdout).toBe('controller is not running\n');
    expect((await k.run(['scale', 'deployment/web', '--replicas', '2'])).code).toBe(0);
    expect(await running()).toHaveLength(2);
  });
});

/**
 * The engine "restarts" without disturbing the real one: the controller talks to Docker through a unix socket
 * that forwards to /var/run/docker.sock, and that socket is shut (every connection cut, event stream included)
 * for a while, during which a container is removed; when it opens again the controller reconnects, resyncs and
 * heals.
 */
describe('the controller across an engine outage', () => {
  const k = new Kctl();
  const socket = path.join(k.dir, 'docker.sock');
  const env = { DOCKER_HOST: `unix://${socket}` };
  const open = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((c) => {
        const upstream = net.connect('/var/run/docker.sock');
        for (const s of [c, upstream]) {
          open.add(s);
          s.on('close', () => open.delete(s));
          s.on('error', () => undefined);
        }
        c.pipe(upstream).pipe(c);
        c.on('close', () => upstream.destroy());
        upstream.on('close', () => c.destroy());
      });
      server.listen(socket, resolve);
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      server!.close(() => resolve());
      for (const s of open) s.destroy();
    });
  afterAll(async () => {
    await k.run(['controller', 'stop', '--timeout', '20s']);
    if (server?.listening) await shut();
    await k.cleanup();
  });

  test('reconnects, resyncs and replaces what was removed meanwhile', async () => {
    await listen();
    expect((await k.run(['controller', 'start'], { env })).code).toBe(0);
    expect((await k.run(['apply', '-f', k.write('web.yaml', deploymentYaml('web', { replicas: 2 }))])).code).toBe(0);
    const apps = async () => (await k.containers()).filter((c) => c.labels['io.kctl.role'] === 'app' && c.state === 'running');
    expect(await apps()).toHaveLength(2);

    await shut();
    const [victim] = await apps();
    await docker(['rm', '-f', victim.id]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await apps()).toHaveLength(1); // nothing can act while the engine is away
    await listen();

    const replacement = await eventually(async () => (await apps()).find((c) => c.labels['io.kctl.pod'] === victim.labels['io.kctl.pod']), 150, 100);
    expect(replacement.id).not.toBe(victim.id);
    const log = fs.readFileSync(`${k.statePath}.controller.log`, 'utf8');
    expect(log).toMatch(/ Docker events: .*; reconnecting\n/);
    expect(log).toMatch(/ Docker events: connected again; resyncing\n/);
  });
});
