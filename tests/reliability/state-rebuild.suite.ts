/**
 * `kctl state rebuild` in-process on the fake runtime, where any moment can be set up exactly: in the middle
 * of a rollout, with a bare pod and objects in two namespaces. What comes back must be what was lost
 * (names, uids, specs, labels, annotations, revisions, owners), and the reconcile after it creates nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { KObject } from '../../src/api/types';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { Store } from '../../src/store/store';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubernetes.io/change-cause: first
spec:
  replicas: 3
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations: {team: blue}
    spec:
      containers:
        - name: web
          image: kctl-demo/web:v1
          readinessProbe:
            exec:
              command: [ready]
            periodSeconds: 1
`;
const OTHERS = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: team-a
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: kctl-demo/web:v1
---
apiVersion: v1
kind: Pod
metadata:
  name: lonely
  labels: {role: batch}
spec:
  containers:
    - name: main
      image: kctl-test/busybox:latest
      command: [sleep, "3600"]
`;

let dir: string;
let env: CliEnv;
let runtime: FakeRuntime;
const kctl = (line: string) => runCli(line, env);

beforeAll(async () => {
  dir = tempDir('kctl-rebuild-');
  runtime = new FakeRuntime();
  env = { statePath: path.join(dir, 'state.json'), runtime, cwd: dir };
  fs.writeFileSync(path.join(dir, 'web.yaml'), WEB);
  fs.writeFileSync(path.join(dir, 'others.yaml'), OTHERS);
  expect((await kctl('apply -f web.yaml -f others.yaml')).code).toBe(0);
  // Half-way through a rollout that cannot finish: v2 pods never become ready.
  runtime.setExecResult((argv, c) => argv.join(' ') === 'ready' && c.image === 'kctl-demo/web:v2', { exitCode: 1 });
  expect((await kctl('annotate deployment/web kubernetes.io/change-cause=second --overwrite')).code).toBe(0);
  expect((await kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false')).code).toBe(0);
  for (let i = 0; i < 3; i++) expect((await kctl('reconcile --wait=false')).code).toBe(0);
});

/**
 * What must survive a rebuild: identity, labels, annotations, owners and spec (status is recomputed). A
 * ReplicaSet comes back as its newest pod's containers saw it: what the Deployment controller wrote on it
 * later (its change-cause, kctl's rollout-complete mark, its size) is left out of the comparison.
 */
function essentials(kind: string): unknown[] {
  return new Store(env.statePath)
    .read()
    .list(kind)
    .map((o: KObject) => ({
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      labels: kind === 'ReplicaSet' ? without(o.metadata.labels, 'kctl.io/rollout-complete') : o.metadata.labels,
      annotations: kind === 'ReplicaSet' ? without(o.metadata.annotations, 'kubernetes.io/change-cause') : o.metadata.annotations,
      owners: o.metadata.ownerReferences,
      spec: kind === 'ReplicaSet' ? { ...o.spec, replicas: undefined } : o.spec,
    }));
}

function without(map: Record<string, string> | undefined, key: string): Record<string, string> | undefined {
  const { [key]: _dropped, ...rest } = map ?? {};
  return rest;
}

test('in the middle of a rollout, with a bare pod and two namespaces: everything that was there comes back, and nothing is recreated', async () => {
  // Namespaces come back by name only (nothing on a container holds their uid or annotations).
  const namespaces = () => new Store(env.statePath).read().list('Namespace').map((n) => n.metadata.name);
  const namespacesBefore = namespaces();
  const kinds = ['Deployment', 'ReplicaSet', 'Pod'];
  const before = Object.fromEntries(kinds.map((kind) => [kind, essentials(kind)]));
  expect((before.ReplicaSet as unknown[]).length).toBe(3); // api's, web's old and web's new
  expect((before.Pod as unknown[]).length).toBe(7); // api 2, lonely, web 3 old + 1 new
  const replicasBefore = new Store(env.statePath).read().list('ReplicaSet').map((rs) => [rs.metadata.name, rs.spec.replicas]);
  const creates = runtime.calls.creates;

  fs.rmSync(env.statePath);
  const rebuilt = await kctl('state rebuild');
  expect(rebuilt.stderr).toBe('');
  expect(rebuilt.code).toBe(0);
  expect(rebuilt.stdout).toContain('\n  deployment.apps/web -n default: 3 replicas, from its spec (a rollout was under way)\n');
  expect(rebuilt.stdout).toContain('\n  deployment.apps/api -n team-a: 2 replicas, counted from its pods\n');
  expect(rebuilt.stdout).toContain('\n  pod/lonely -n default\n');

  expect(namespaces()).toEqual(namespacesBefore);
  for (const kind of kinds) expect({ kind, objects: essentials(kind) }).toEqual({ kind, objects: before[kind] });
  expect(new Store(env.statePath).read().list('ReplicaSet').map((rs) => [rs.metadata.name, rs.spec.replicas])).toEqual(replicasBefore);

  expect((await kctl('reconcile --wait=false')).code).toBe(0);
  expect(runtime.calls.creates).toBe(creates);
  const history = await kctl('rollout history deployment/web');
  expect(history.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['deployment.apps/web', 'REVISION', '1', '2', '', '']);
});

test('a Deployment scaled down after its newest container was made: its size is counted from its pods', async () => {
  runtime.setExecResult('ready', { exitCode: 0 });
  expect((await kctl('rollout status deployment/web --timeout 1m')).code).toBe(0);
  expect((await kctl('scale deployment/web --replicas=1')).code).toBe(0);
  const rebuilt = await kctl('state rebuild --force');
  expect(rebuilt.code).toBe(0);
  expect(rebuilt.stdout).toContain('\n  deployment.apps/web -n default: 1 replicas, counted from its pods\n');
  expect(new Store(env.statePath).read().get('Deployment', 'default', 'web')!.spec.replicas).toBe(1);
});
