/**
 * Concurrency on the real Docker engine: 20 kctl processes started at once, scaling, applying and annotating
 * the same and different objects. Afterwards the state file is valid, no update is lost (each object ends
 * in a state some serial order of the commands gives) and the containers match the state.
 */
import { deploymentYaml, type Run } from '../e2e/harness';
import { DockerCli } from './helpers/docker-cli';
import { duplicates, observeWorld, orphans, runningByDeployment } from './helpers/invariants';
import { EngineKctl, exited } from './helpers/kctl';

const PROCESSES = 20;
const docker = new DockerCli();
const k = new EngineKctl('kctl-concurrency-');
let commands = 0;

afterAll(async () => {
  await k.cleanup();
  process.stdout.write(`\nconcurrency: ${commands} commands run in rounds of ${PROCESSES} at once\n`);
}, 120_000);

/** Starts every command at once and waits for all of them. */
async function allAtOnce(argvs: string[][]): Promise<Run[]> {
  commands += argvs.length;
  return Promise.all(argvs.map((argv) => exited(k.spawn(argv))));
}

function configMap(name: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  key: value\n`;
}

function annotations(kind: string, name: string): Record<string, string> {
  return k.objects(kind).find((o) => o.metadata.name === name)!.metadata.annotations ?? {};
}

test(`${PROCESSES} processes apply ${PROCESSES} different objects: all of them are there`, async () => {
  const files = Array.from({ length: PROCESSES }, (_, i) => k.write(`cm-${i}.yaml`, configMap(`cm-${i}`)));
  const runs = await allAtOnce(files.map((f) => ['apply', '-f', f]));
  expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
  expect(runs.map((r) => r.stdout).sort()).toEqual(Array.from({ length: PROCESSES }, (_, i) => `configmap/cm-${i} created\n`).sort());
  expect(k.objects('ConfigMap').map((o) => o.metadata.name).sort()).toEqual(Array.from({ length: PROCESSES }, (_, i) => `cm-${i}`).sort());
});

test(`${PROCESSES} processes annotate the same object, each with its own key: all ${PROCESSES} annotations are there`, async () => {
  const runs = await allAtOnce(Array.from({ length: PROCESSES }, (_, i) => ['annotate', 'configmap/cm-0', `note-${i}=v${i}`]));
  expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
  const notes = Object.entries(annotations('ConfigMap', 'cm-0')).filter(([key]) => key.startsWith('note-'));
  expect(Object.fromEntries(notes)).toEqual(Object.fromEntries(Array.from({ length: PROCESSES }, (_, i) => [`note-${i}`, `v${i}`])));
});

test(`${PROCESSES} processes scale, apply and annotate Deployments at once: no update lost, containers match the state`, async () => {
  for (const name of ['a', 'b']) k.write(`${name}.yaml`, deploymentYaml(name, { replicas: 1 }));
  const withVersion = (version: string, replicas: number) => deploymentYaml('d', { replicas }).replace('metadata:\n  name: d\n', `metadata:\n  name: d\n  annotations:\n    version: ${version}\n`);
  k.write('d-zero.yaml', withVersion('zero', 1));
  k.write('d-one.yaml', withVersion('one', 1));
  k.write('d-two.yaml', withVersion('two', 2));
  for (const i of [1, 2, 3]) k.write(`c${i}.yaml`, deploymentYaml(`c${i}`, { replicas: 1 }));
  const setup = await k.run(['apply', '-f', 'a.yaml', '-f', 'b.yaml', '-f', 'd-zero.yaml']);
  expect(setup.code).toBe(0);

  const scales = [1, 2, 3, 4, 2, 3];
  const wait = ['--timeout', '4m'];
  const runs = await allAtOnce([
    ...[0, 1, 2, 3, 4, 5].map((i) => ['annotate', 'deployment/a', `note-${i}=v${i}`]),
    ...scales.map((n) => ['scale', 'deployment/b', `--replicas=${n}`, ...wait]),
    ...[0, 1, 2].map((i) => ['annotate', 'deployment/b', `other-${i}=x${i}`]),
    ...[1, 2, 3].map((i) => ['apply', '-f', `c${i}.yaml`, ...wait]),
    ['apply', '-f', 'd-one.yaml', ...wait],
    ['apply', '-f', 'd-two.yaml', ...wait],
  ]);
  expect(runs).toHaveLength(PROCESSES);
  expect(runs.filter((r) => r.code !== 0)).toEqual([]);

  // Every annotation of every process, on both objects annotated while others scaled them.
  expect(annotations('Deployment', 'a')).toMatchObject(Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [`note-${i}`, `v${i}`])));
  expect(annotations('Deployment', 'b')).toMatchObject({ 'other-0': 'x0', 'other-1': 'x1', 'other-2': 'x2' });
  const deployments = Object.fromEntries(k.objects('Deployment').map((d) => [d.metadata.name, d]));
  expect(Object.keys(deployments).sort()).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'd']);
  // Last writer wins, as a whole: b's size is one of the sizes asked for; d is all of one manifest or the other.
  const bReplicas = deployments.b.spec.replicas;
  expect(scales).toContain(bReplicas);
  const d = { version: deployments.d.metadata.annotations.version, replicas: deployments.d.spec.replicas };
  expect([{ version: 'one', replicas: 1 }, { version: 'two', replicas: 2 }]).toContainEqual(d);

  const reconciled = await k.run(['reconcile', '--timeout', '3m']);
  expect(reconciled.code).toBe(0);
  const view = await observeWorld(k, docker);
  expect(orphans(view)).toEqual([]);
  expect(duplicates(view)).toEqual([]);
  expect(runningByDeployment(view)).toEqual({ a: 1, b: bReplicas, c1: 1, c2: 1, c3: 1, d: d.replicas });
  expect(view.pods.filter((p) => p.metadata.deletionTimestamp === undefined)).toHaveLength(4 + bReplicas + d.replicas);
});

test(`${PROCESSES} processes scale different Deployments, annotate one and delete objects at once: each ends as some serial order leaves it`, async () => {
  const c1 = [2, 3, 1, 2, 3];
  const c2 = [3, 1, 2, 1, 2];
  const runs = await allAtOnce([
    ...c1.map((n) => ['scale', 'deployment/c1', `--replicas=${n}`, '--timeout', '4m']),
    ...c2.map((n) => ['scale', 'deployment/c2', `--replicas=${n}`, '--timeout', '4m']),
    ...[0, 1, 2, 3, 4].map((i) => ['annotate', 'deployment/d', `round-${i}=r${i}`]),
    ...[1, 2, 3, 4, 5].map((i) => ['delete', 'configmap', `cm-${i}`]),
  ]);
  expect(runs.filter((r) => r.code !== 0)).toEqual([]);
  const deployments = Object.fromEntries(k.objects('Deployment').map((d) => [d.metadata.name, d]));
  expect(c1).toContain(deployments.c1.spec.replicas);
  expect(c2).toContain(deployments.c2.spec.replicas);
  expect(annotations('Deployment', 'd')).toMatchObject({ 'round-0': 'r0', 'round-1': 'r1', 'round-2': 'r2', 'round-3': 'r3', 'round-4': 'r4' });
  expect(k.objects('ConfigMap').map((o) => o.metadata.name).sort()).toEqual(['cm-0', ...Array.from({ length: PROCESSES - 6 }, (_, i) => `cm-${i + 6}`)].sort());

  expect((await k.run(['reconcile', '--timeout', '3m'])).code).toBe(0);
  const view = await observeWorld(k, docker);
  expect(orphans(view)).toEqual([]);
  expect(duplicates(view)).toEqual([]);
  const running = runningByDeployment(view);
  expect({ c1: running.c1, c2: running.c2 }).toEqual({ c1: deployments.c1.spec.replicas, c2: deployments.c2.spec.replicas });
});
