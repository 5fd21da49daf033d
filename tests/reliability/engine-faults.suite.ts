/**
 * Engine faults, on a private Docker engine (helpers/private-engine.ts) so that stopping "the engine" never
 * touches the shared one: the engine stopped in the middle of a rollout (kctl says so and exits 7; once the
 * engine is back the rollout completes), then a container, the namespace network and volumes removed behind
 * kctl's back, each repaired by the next `kctl reconcile`. After every fault: no orphan, no duplicate.
 */
import { deploymentYaml, eventually } from '../e2e/harness';
import { duplicates, observeWorld, orphans, type WorldView } from './helpers/invariants';
import { EngineKctl, exited } from './helpers/kctl';
import { PrivateEngine } from './helpers/private-engine';

let engine: PrivateEngine;
let k: EngineKctl;
let faults = 0;

beforeAll(async () => {
  engine = await PrivateEngine.create();
  k = new EngineKctl('kctl-fault-state-', engine);
}, 120_000);

beforeEach(() => engine.ensureRunning(), 120_000);

afterAll(async () => {
  await engine?.destroy();
  await k?.cleanup().catch(() => undefined); // its temp dir (its Docker objects went with the engine)
  process.stdout.write(`\nengine faults: ${faults} injected\n`);
}, 120_000);

const UNREACHABLE = (host: string) =>
  new RegExp(`^error: cannot connect to the Docker engine at ${host.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .+\\nhint: run scripts/docker-setup.sh \\(Debian\\) or start Docker Desktop; DOCKER_HOST and --context choose another engine\\n$`);

/** A rollout slow enough to be caught in the middle: one pod at a time, each available after 8 s. */
const SLOW = deploymentYaml('slow', {
  replicas: 3,
  extra: `  minReadySeconds: 8
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
`,
});

async function healthy(): Promise<WorldView> {
  const view = await observeWorld(k, engine.docker);
  expect(orphans(view)).toEqual([]);
  expect(duplicates(view)).toEqual([]);
  return view;
}

test('the engine stops in the middle of a rollout: exit 7 and a clear error; once it is back the rollout completes', async () => {
  k.write('slow.yaml', SLOW);
  expect((await k.run(['apply', '-f', 'slow.yaml'])).code).toBe(0);
  const before = (await healthy()).runningApp;
  expect(before.map((c) => c.image)).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v1']);

  const rollout = exited(k.spawn(['set', 'image', 'deployment/slow', 'slow=kctl-demo/web:v2']));
  // In the middle: the new ReplicaSet has its first pod, the old one still all of its own.
  await eventually(async () => k.objects('ReplicaSet').length === 2 && k.objects('Pod').length === 4, 300, 100);
  await engine.stop();
  faults++;
  const interrupted = await rollout;
  expect(interrupted.stdout).toBe('deployment.apps/slow image updated\n');
  expect(interrupted.stderr).toMatch(UNREACHABLE(engine.host));
  expect(interrupted.code).toBe(7);

  // While it is away: commands that need it say so the same way; reading the state still works.
  const status = await k.run(['rollout', 'status', 'deployment/slow', '--timeout', '30s']);
  expect(status.stderr).toMatch(UNREACHABLE(engine.host));
  expect(status.code).toBe(7);
  const get = await k.run(['get', 'deployment', 'slow', '--no-headers']);
  expect(get.code).toBe(0);
  expect(get.stdout).toMatch(/^slow +\d\/3 /);

  await engine.start();
  const resumed = await k.run(['rollout', 'status', 'deployment/slow', '--timeout', '3m']);
  expect(resumed.stdout.trim().split('\n').pop()).toBe('deployment "slow" successfully rolled out');
  expect(resumed.code).toBe(0);
  const after = await healthy();
  expect(after.runningApp.map((c) => c.image)).toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);
  expect(after.pods.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running']);
});

test('a container removed behind kctl\'s back: the next reconcile replaces it, counted as a restart', async () => {
  const victim = (await healthy()).runningApp[0];
  const pod = victim.labels['io.kctl.pod'];
  const restarts = async () => JSON.parse((await k.run(['get', 'pod', pod, '-o', 'json'])).stdout).status.containerStatuses[0].restartCount;
  const before = await restarts();
  await engine.docker.run(['rm', '-f', victim.id]);
  faults++;
  expect((await k.run(['reconcile'])).code).toBe(0);
  const view = await healthy();
  expect(view.runningApp).toHaveLength(3);
  expect(view.runningApp.map((c) => c.labels['io.kctl.pod'])).toContain(pod);
  expect(await restarts()).toBe(before + 1);
});

test('a sandbox removed behind kctl\'s back: its pod starts over in a new sandbox', async () => {
  // An init container gives each pod a sandbox (a pod of one container owns its network itself).
  k.write('paired.yaml', deploymentYaml('paired', { replicas: 1, extra: "      initContainers:\n        - { name: init, image: 'kctl-demo/web:v1', command: [sh, -c, 'true'] }\n" }));
  expect((await k.run(['apply', '-f', 'paired.yaml'])).code).toBe(0);
  const view = await healthy();
  const sandbox = view.containers.find((c) => c.status === 'running' && c.labels['io.kctl.role'] === 'sandbox')!;
  expect(sandbox.labels['io.kctl.pod']).toMatch(/^paired-/);
  await engine.docker.run(['rm', '-f', sandbox.id]);
  faults++;
  expect((await k.run(['reconcile'])).code).toBe(0);
  const after = await healthy();
  const sandboxes = after.containers.filter((c) => c.status === 'running' && c.labels['io.kctl.role'] === 'sandbox');
  expect(sandboxes.map((c) => c.labels['io.kctl.pod'])).toEqual([sandbox.labels['io.kctl.pod']]);
  expect(sandboxes[0].id).not.toBe(sandbox.id);
  expect(after.runningApp).toHaveLength(4);
});

test('the namespace network removed behind kctl\'s back: made again, and every pod gets back on it', async () => {
  const network = `kctl-${k.scopeId}-default`;
  for (const c of (await healthy()).containers) {
    if (c.networks[network] !== undefined) await engine.docker.run(['network', 'disconnect', '-f', network, c.id]);
  }
  await engine.docker.run(['network', 'rm', network]);
  faults++;
  expect((await k.run(['reconcile'])).code).toBe(0);
  const after = await healthy();
  expect(after.runningApp).toHaveLength(4);
  // Each pod's network owner (its sandbox, or its one container) is on the new network, at the pod's IP.
  for (const pod of after.pods) {
    const owners = after.containers.filter((c) => c.status === 'running' && c.labels['io.kctl.pod'] === pod.metadata.name && c.networks[network] !== undefined);
    expect({ pod: pod.metadata.name, ips: owners.map((c) => c.networks[network]) }).toEqual({ pod: pod.metadata.name, ips: [pod.status.podIP] });
    expect(pod.status.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  }
});

test('volumes removed behind kctl\'s back (a claim\'s and an emptyDir) with their pod\'s containers: made again, the pods run', async () => {
  k.write(
    'stateful.yaml',
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
${deploymentYaml('stateful', {
  replicas: 1,
  extra: `      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data
        - name: scratch
          emptyDir: {}
`,
}).replace('          ports:\n', '          volumeMounts:\n            - { name: data, mountPath: /data }\n            - { name: scratch, mountPath: /scratch }\n          ports:\n')}`,
  );
  const applied = await k.run(['apply', '-f', 'stateful.yaml']);
  expect(applied.stderr).toBe('');
  expect(applied.code).toBe(0);
  const volumes = async () => (await engine.docker.run(['volume', 'ls', '-q', '--filter', `label=io.kctl.state=${k.scopeId}`])).split('\n').filter(Boolean).sort();
  const made = await volumes();
  expect(made).toHaveLength(2);
  const pod = (await healthy()).containers.filter((c) => c.labels['io.kctl.pod']?.startsWith('stateful-'));
  await engine.docker.run(['rm', '-f', ...pod.map((c) => c.id)]);
  await engine.docker.run(['volume', 'rm', ...made]);
  faults += 2;
  expect((await k.run(['reconcile'])).code).toBe(0);
  const after = await healthy();
  expect(after.runningApp.filter((c) => c.labels['io.kctl.pod'].startsWith('stateful-'))).toHaveLength(1);
  const remade = await volumes();
  expect(remade.find((v) => v.includes('-pvc-default-data-'))).toBe(made.find((v) => v.includes('-pvc-default-data-')));
  expect(remade).toHaveLength(2);
});
