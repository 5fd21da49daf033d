/**
 * The controller process's loop on the fake runtime: it holds the reconciler lease, so a one-shot `apply`
 * only waits while the controller (woken by the state file changing) converges; a container removed behind
 * kctl's back is replaced on Docker's event; node ports are listed in `controller status`; stopping leaves
 * every container running and frees the lease.
 */
import * as fs from 'fs';
import * as path from 'path';
import { contextOver } from '../../src/app/controller-context';
import { reconcilerLease } from '../../src/controllers/drive';
import { ControllerProcess } from '../../src/controllers/process/controller';
import { EngineEvents } from '../../src/backends/local/engine-events';
import { controllerFiles } from '../../src/controllers/process/files';
import { PassScheduler } from '../../src/controllers/process/scheduler';
import { LABEL, type ContainerRuntime, type RuntimeEvent } from '../../src/runtime/runtime';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { Store } from '../../src/store/store';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never: ${what}`);
}

function start() {
  const dir = tempDir();
  const statePath = path.join(dir, 'state.json');
  const runtime = new FakeRuntime();
  const env: CliEnv = { statePath, runtime, cwd: dir };
  const ctx = contextOver({ store: new Store(statePath), runtime, now: () => new Date(), log: () => undefined, publishAddress: '127.0.0.1' });
  const logs: string[] = [];
  const controller = new ControllerProcess(ctx, { address: '127.0.0.1', ingressPorts: { http: 8080, https: 8443 }, resyncMs: 60_000, metricsMs: 60_000, log: (l) => logs.push(l) });
  let stop!: () => void;
  const done = controller.run(new Promise<void>((r) => (stop = r)));
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  return { dir, statePath, runtime, env, logs, stop, done, write, run: (line: string) => runCli(line, env), state: () => new Store(statePath).read() };
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: kctl-demo/web:v1, ports: [{containerPort: 8080}]}]
`;

test('one-shot commands wait on the running controller, which converges, heals and serves; stopping leaves the containers', async () => {
  const c = start();
  try {
    await until('the controller holds the lease', () => fs.existsSync(controllerFiles(c.statePath).pid));
    expect(reconcilerLease(c.statePath).tryAcquire()).toBe(false);

    c.write('d.yaml', deployment);
    expect(await c.run('apply -f d.yaml --timeout 20s')).toEqual({ code: 0, stdout: 'deployment.apps/web created\n', stderr: '' });
    const ready = c.state().list('Pod').filter((p) => p.status?.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True'));
    expect(ready).toHaveLength(2);
    expect(c.logs).toContainEqual(expect.stringMatching(/^Normal Started pod\/web-[a-z0-9]+-[a-z0-9]+: Started container web$/));

    const victim = (await c.runtime.listContainers({ [LABEL.container]: 'web' }))[0];
    c.runtime.removeBehindBack(victim.id);
    const replaced = await until('the removed container is replaced', async () => {
      const mine = await c.runtime.listContainers({ [LABEL.podUid]: victim.labels[LABEL.podUid], [LABEL.container]: 'web' });
      return mine.find((x) => x.status === 'running' && x.id !== victim.id);
    });
    expect(replaced.labels[LABEL.attempt]).toBe('1');
    expect(await c.runtime.listContainers({ [LABEL.role]: 'app' })).toHaveLength(2);

    c.write('s.yaml', `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n`);
    expect((await c.run('apply -f s.yaml')).code).toBe(0);
    const status = await until('the node port is listed', async () => {
      const out = (await c.run('controller status')).stdout;
      return out.includes('listening') ? out : undefined;
    });
    const nodePort = c.state().get('Service', 'default', 'web')!.spec.ports[0].nodePort;
    expect(status.split('\n').slice(1)).toEqual([`state: ${c.statePath}`, `log: ${c.statePath}.controller.log`, `listening on 127.0.0.1:${nodePort} for service default/web port 80`, '']);
    expect(status).toMatch(/^controller is running \(pid \d+, up \d+s\)\n/);
  } finally {
    const stops = c.runtime.calls.stops;
    c.stop();
    await c.done;
    expect(c.runtime.calls.stops).toBe(stops);
  }
  expect(await c.runtime.listContainers({ [LABEL.role]: 'app' })).toHaveLength(2);
  expect(fs.existsSync(controllerFiles(c.statePath).pid)).toBe(false);
  expect(fs.existsSync(`${c.statePath}.reconciler`)).toBe(false);
  expect(c.logs.slice(-2)).toEqual(['stopping (containers keep running)', 'controller stopped']);
  expect((await c.run('controller status')).stdout).toBe('controller is not running\n');
});

test('an unreachable engine is retried with back-off and resynced when it answers again', async () => {
  const c = start();
  try {
    await until('the controller runs', () => fs.existsSync(controllerFiles(c.statePath).pid));
    c.runtime.setUnreachable(true);
    c.write('d.yaml', deployment);
    expect((await c.run('apply -f d.yaml --wait=false')).code).toBe(0);
    await until('a failed pass is logged', () => c.logs.find((l) => l.startsWith('reconcile failed: cannot connect to the Docker engine')));
    c.runtime.setUnreachable(false);
    await until('the pods run', async () => (await c.runtime.listContainers({ [LABEL.role]: 'app' })).length === 2);
    await until('recovery is logged', () => c.logs.includes('reconciling again'));
  } finally {
    c.stop();
    await c.done;
  }
});

test('the scheduler runs one pass at a time and keeps requests made meanwhile', async () => {
  const runs: number[] = [];
  let release!: () => void;
  let gate = new Promise<void>((r) => (release = r));
  const scheduler = new PassScheduler(async () => {
    runs.push(runs.length);
    await gate;
  });
  scheduler.request(0);
  await until('the first pass runs', () => runs.length === 1);
  scheduler.request(0);
  scheduler.request(0);
  await new Promise((r) => setTimeout(r, 30));
  expect(runs).toEqual([0]);
  gate = Promise.resolve();
  release();
  await until('one more pass for both requests', () => runs.length === 2);
  await new Promise((r) => setTimeout(r, 30));
  expect(runs).toEqual([0, 1]);
  scheduler.request(10_000);
  await scheduler.stop();
  expect(runs).toEqual([0, 1]);
});

test('the Docker event stream is opened again after it fails (an engine restart), and a resync is asked for', async () => {
  const runtime = new FakeRuntime();
  let subscriptions = 0;
  let fail!: (e: Error) => void;
  let deliver!: (e: RuntimeEvent) => void;
  const flaky = Object.create(runtime) as ContainerRuntime;
  flaky.events = async (labels, onEvent, onError) => {
    subscriptions++;
    if (subscriptions === 2) throw new Error('cannot connect to the Docker engine');
    [fail, deliver] = [onError, onEvent];
    return () => undefined;
  };
  const seen: string[] = [];
  const logs: string[] = [];
  const events = new EngineEvents({ runtime: flaky, labels: {}, onEvent: (e) => seen.push(e.action), onReconnect: () => seen.push('resync'), log: (l) => logs.push(l) });
  await events.start();
  deliver({ containerId: 'a', action: 'die', labels: {} });
  fail(new Error('the engine closed the event stream'));
  await until('subscribed again after one failed attempt', () => subscriptions === 3);
  deliver({ containerId: 'a', action: 'destroy', labels: {} });
  events.stop();
  expect(seen).toEqual(['die', 'resync', 'destroy']);
  expect(logs).toEqual(['Docker events: the engine closed the event stream; reconnecting', 'Docker events: connected again; resyncing']);
});
