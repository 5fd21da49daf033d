/**
 * The state file truncated, corrupted, of another shape or of a future format version: every command says so
 * (exit 1, with the way back as hint) and leaves the file and the containers alone; never a silent reset.
 * The way back, `kctl state rebuild`, recovers the state from the containers' labels; the next reconcile
 * adopts the running containers (none is recreated). Also: stale locks of killed processes do not block.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { deploymentYaml } from '../e2e/harness';
import { DockerCli, type DockerContainer } from './helpers/docker-cli';
import { duplicates, observeWorld, orphans } from './helpers/invariants';
import { EngineKctl } from './helpers/kctl';
import { snapshotState } from './helpers/state-snapshot';

const docker = new DockerCli();
const k = new EngineKctl('kctl-state-file-');
const CORRUPT_HINT = 'hint: the file was left as it is; run `kctl state rebuild` to recover the state from the containers kctl made (a copy of this file is kept)';
const NOT_RECOVERABLE = 'not recoverable from containers: ConfigMaps, Secrets, Services, Ingresses, HorizontalPodAutoscalers, CronJobs, DaemonSets, StatefulSets, ReplicationControllers, PersistentVolumes, StorageClasses, claims bound to PersistentVolumes, CustomResourceDefinitions and their objects, events, revisions without pods and Deployments scaled to 0; apply their manifests again';
let faults = 0;

const API = deploymentYaml('api', { replicas: 1 })
  .replace('metadata:\n  name: api\n', 'metadata:\n  name: api\n  namespace: team-a\n')
  .replace('          ports:\n', '          volumeMounts:\n            - { name: data, mountPath: /data }\n          ports:\n')
  .concat('      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data\n');
const CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: team-a\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n';
const EXTRAS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
apiVersion: v1
kind: Pod
metadata:
  name: lonely
spec:
  terminationGracePeriodSeconds: 1
  containers:
    - name: main
      image: kctl-test/busybox:latest
      imagePullPolicy: Never
      command: ["sleep", "3600"]
`;

beforeAll(async () => {
  k.write('web.yaml', deploymentYaml('web', { replicas: 3 }));
  k.write('claim.yaml', CLAIM);
  k.write('api.yaml', API);
  k.write('extras.yaml', EXTRAS);
  for (const args of [['create', 'namespace', 'team-a'], ['apply', '-f', 'web.yaml', '-f', 'claim.yaml', '-f', 'api.yaml', '-f', 'extras.yaml'], ['scale', 'deployment/web', '--replicas=2']]) {
    const r = await k.run(args);
    if (r.code !== 0) throw new Error(`kctl ${args.join(' ')}: ${r.stderr}`);
  }
}, 300_000);

afterAll(async () => {
  await k.cleanup();
  process.stdout.write(`\nstate file: ${faults} broken state files or locks injected\n`);
}, 120_000);

/** The pod containers (app, and sandboxes where a pod has one) by id: a rebuild and the reconcile after it must keep every one. */
async function podContainers(): Promise<string[]> {
  const all: DockerContainer[] = await docker.containers(k.scopeId);
  return all.filter((c) => c.labels['io.kctl.pod-uid'] && c.status === 'running').map((c) => `${c.name} ${c.id}`).sort();
}

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('valid JSON');
}

describe('a broken state file is reported by every command and left alone', () => {
  const good = () => fs.readFileSync(k.statePath);
  const variants: [string, (good: Buffer) => Buffer, (p: string, bytes: Buffer) => string[]][] = [
    ['truncated half-way', (g) => g.subarray(0, Math.floor(g.length / 2)), (p, b) => [`error: the state file ${p} is corrupt: ${jsonError(b.toString())}`, CORRUPT_HINT]],
    ['empty (0 bytes)', () => Buffer.alloc(0), (p) => [`error: the state file ${p} is corrupt: ${jsonError('')}`, CORRUPT_HINT]],
    ['overwritten with garbage', (g) => Buffer.concat([g.subarray(0, 100), Buffer.from([0xff, 0x00, 0x13, 0x37]), g.subarray(104)]), (p, b) => [`error: the state file ${p} is corrupt: ${jsonError(b.toString())}`, CORRUPT_HINT]],
    ['valid JSON of another shape', () => Buffer.from('[]\n'), (p) => [`error: the state file ${p} is not a kctl state file`, CORRUPT_HINT]],
    [
      'of a future format version',
      (g) => Buffer.from(g.toString().replace('"formatVersion": 1,', '"formatVersion": 99,')),
      (p) => [`error: the state file ${p} has format version 99, newer than this kctl understands (1)`, 'hint: upgrade kctl, or run `kctl state rebuild` to recover from Docker'],
    ],
  ];
  const commands = [
    ['get', 'pods'],
    ['apply', '-f', 'web.yaml'],
    ['scale', 'deployment/web', '--replicas=3'],
    ['delete', 'deployment', 'web'],
    ['reconcile'],
    ['rollout', 'status', 'deployment/web'],
    ['state', 'check'],
  ];

  test.each(variants)('%s', async (_name, breakIt, expected) => {
    const backup = good();
    const containers = await podContainers();
    const broken = breakIt(backup);
    fs.writeFileSync(k.statePath, broken);
    faults++;
    const before = snapshotState(k.statePath);
    try {
      for (const argv of commands) {
        const r = await k.run(argv);
        expect({ argv, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ argv, code: 1, stdout: '', stderr: expected(k.statePath, broken).join('\n') + '\n' });
      }
      expect(snapshotState(k.statePath)).toEqual(before);
      expect(await podContainers()).toEqual(containers);
    } finally {
      fs.writeFileSync(k.statePath, backup);
    }
  });
});

describe('kctl state check', () => {
  test('a good state: the counts, and ok', async () => {
    const r = await k.run(['state', 'check']);
    expect(r.stdout.split('\n')).toEqual([
      `state file ${k.statePath}: format version 1, 12 objects (1 ConfigMap, 2 Deployment, 2 Namespace, 1 PersistentVolumeClaim, 4 Pod, 2 ReplicaSet)`,
      `Docker (scope ${k.scopeId}): 4 containers of 4 pods`,
      'ok',
      '',
    ]);
    expect(r.code).toBe(0);
  });

  test('an old copy of the state (before a pod was made): the containers the next reconcile would remove', async () => {
    const backup = fs.readFileSync(k.statePath);
    const state = JSON.parse(backup.toString());
    delete state.objects['Pod/default/lonely'];
    fs.writeFileSync(k.statePath, JSON.stringify(state));
    faults++;
    try {
      const r = await k.run(['state', 'check']);
      expect(r.stderr).toBe('error: 1 containers of 1 pods that are not in the state: the next reconcile removes them (`kctl state rebuild --dry-run` shows what they hold)\n');
      expect(r.code).toBe(1);
    } finally {
      fs.writeFileSync(k.statePath, backup);
    }
  });
});

describe('kctl state rebuild', () => {
  test('refuses a readable state without --force; --dry-run writes nothing', async () => {
    const before = snapshotState(k.statePath);
    const refused = await k.run(['state', 'rebuild']);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: the state file ${k.statePath} is readable (12 objects): refusing to replace it\nhint: \`kctl state check\` compares it with Docker; --force rebuilds it anyway (a copy is kept), --dry-run shows what would be recovered\n`,
    });
    const dry = await k.run(['state', 'rebuild', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n').slice(-2)).toEqual(['dry run: nothing written', '']);
    expect(snapshotState(k.statePath)).toEqual(before);
  });

  test('from a truncated file: Deployments, ReplicaSets, Pods and the claim come back, and the reconcile adopts every container', async () => {
    const good = JSON.parse(fs.readFileSync(k.statePath, 'utf8'));
    const names = (kind: string) => Object.values(good.objects as Record<string, any>).filter((o) => o.kind === kind);
    const containers = await podContainers();
    // A container of an older kctl (no io.kctl.owner-manifest): reported, and removed by the next reconcile.
    const legacy = await docker.run(['run', '-d', '--label', 'io.kctl.managed=true', '--label', `io.kctl.state=${k.scopeId}`, '--label', 'io.kctl.namespace=default', '--label', 'io.kctl.pod=old-pod', '--label', 'io.kctl.pod-uid=00000000-0000-0000-0000-000000000000', '--label', 'io.kctl.container=main', '--label', 'io.kctl.role=app', '--network', 'none', 'kctl-test/busybox:latest', 'sleep', '600']);
    const truncated = fs.readFileSync(k.statePath).subarray(0, 200);
    fs.writeFileSync(k.statePath, truncated);
    faults++;

    const r = await k.run(['state', 'rebuild']);
    expect(r.stderr).toBe('Warning: could not recover pod/old-pod in namespace default: its containers carry no io.kctl.owner-manifest label (made by an older kctl); the next reconcile removes them\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const podLines = names('Pod').map((p) => `  pod/${p.metadata.name} -n ${p.metadata.namespace}`);
    const rs = (dep: string) => names('ReplicaSet').find((o) => o.metadata.name.startsWith(`${dep}-`)).metadata.name;
    const volume = names('PersistentVolumeClaim')[0].status.kctl.volume;
    expect(lines.slice(0, -3)).toEqual([
      `recovered from 5 containers and 1 claim volume (scope ${k.scopeId}):`,
      '  namespace/team-a',
      '  deployment.apps/web -n default: 2 replicas, counted from its pods',
      '  deployment.apps/api -n team-a: 1 replicas, counted from its pods',
      `  replicaset.apps/${rs('web')} -n default: 2 pods`,
      `  replicaset.apps/${rs('api')} -n team-a: 1 pods`,
      ...podLines.filter((l) => l.endsWith('default')).sort(),
      ...podLines.filter((l) => l.endsWith('team-a')).sort(),
      `  persistentvolumeclaim/data -n team-a: from volume ${volume}; its requested size is not known`,
      NOT_RECOVERABLE,
    ]);
    expect(lines[lines.length - 3]).toMatch(new RegExp(`^kept the previous state file as ${k.statePath}\\.broken-\\d{8}T\\d{6}Z(-\\d+)?$`)); // -2: a second copy within the same second
    expect(lines.slice(-2)).toEqual([`wrote ${k.statePath}; the next reconcile (any kctl command that waits, or \`kctl reconcile\`) adopts the running containers`, '']);
    const copy = lines[lines.length - 3].slice('kept the previous state file as '.length);
    expect(fs.readFileSync(copy)).toEqual(truncated);

    const all = await k.run(['get', 'deployments,replicasets,pods,pvc', '-A', '--no-headers', '-o', 'name']);
    expect(all.stdout.split('\n').filter(Boolean).sort()).toEqual(
      [
        'deployment.apps/api',
        'deployment.apps/web',
        `replicaset.apps/${rs('api')}`,
        `replicaset.apps/${rs('web')}`,
        ...names('Pod').map((p) => `pod/${p.metadata.name}`),
        'persistentvolumeclaim/data',
      ].sort(),
    );
    const reconciled = await k.run(['reconcile']);
    expect(reconciled).toEqual({ code: 0, stdout: 'reconciled: 2 deployments, 4 pods (4 ready)\n', stderr: '' });
    expect(await podContainers()).toEqual(containers); // adopted: not one recreated
    expect((await docker.containers(k.scopeId)).map((c) => c.id)).not.toContain(legacy.trim());
    const view = await observeWorld(k, docker);
    expect(orphans(view)).toEqual([]);
    expect(duplicates(view)).toEqual([]);
    const pvc = JSON.parse((await k.run(['get', 'pvc', 'data', '-n', 'team-a', '-o', 'json'])).stdout);
    expect({ phase: pvc.status.phase, volume: pvc.status.kctl.volume }).toEqual({ phase: 'Bound', volume });
    // The Deployment came back as it was applied: applying its manifest again changes nothing.
    expect(await k.run(['apply', '-f', 'api.yaml'])).toEqual({ code: 0, stdout: 'deployment.apps/api unchanged\n', stderr: '' });
    expect((await k.run(['state', 'check'])).code).toBe(0);
    // What containers cannot hold is applied again, as the rebuild said.
    expect((await k.run(['apply', '-f', 'extras.yaml'])).stdout).toBe('configmap/settings created\npod/lonely unchanged\n');
  });

  test('from a file of a future format version, from no file at all, and over a readable one with --force', async () => {
    const containers = await podContainers();
    const good = fs.readFileSync(k.statePath, 'utf8');
    fs.writeFileSync(k.statePath, good.replace('"formatVersion": 1,', '"formatVersion": 2,'));
    faults++;
    const future = await k.run(['state', 'rebuild']);
    expect(future.code).toBe(0);
    expect(future.stdout).toMatch(/\nkept the previous state file as .*\.broken-\d{8}T\d{6}Z(-\d+)?\n/);

    fs.rmSync(k.statePath);
    faults++;
    const missing = await k.run(['state', 'rebuild']);
    expect(missing.code).toBe(0);
    expect(missing.stdout).not.toContain('kept the previous state file');

    const forced = await k.run(['state', 'rebuild', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/\nkept the previous state file as .*\.replaced-\d{8}T\d{6}Z(-\d+)?\n/);

    expect((await k.run(['reconcile'])).code).toBe(0);
    expect(await podContainers()).toEqual(containers);
  });
});

describe('locks left by killed processes', () => {
  /** The pid of a process that has ended. */
  function deadPid(): number {
    return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
  }

  test('a state lock held by a process that died is taken over', async () => {
    fs.writeFileSync(`${k.statePath}.lock`, JSON.stringify({ pid: deadPid(), token: 'dead', purpose: 'state' }));
    faults++;
    expect(await k.run(['annotate', 'deployment/web', 'lock=taken-over'])).toEqual({ code: 0, stdout: 'deployment.apps/web annotated\n', stderr: '' });
    expect(fs.existsSync(`${k.statePath}.lock`)).toBe(false);
  });

  test('a half-written lock file left by a crash is taken over once it is old', async () => {
    const lock = `${k.statePath}.lock`;
    fs.writeFileSync(lock, '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    faults++;
    expect(await k.run(['annotate', 'deployment/web', 'garbage=taken-over'])).toEqual({ code: 0, stdout: 'deployment.apps/web annotated\n', stderr: '' });
    expect(fs.existsSync(lock)).toBe(false);
  });

  test('a reconciler lease held by a process that died does not stop the next command reconciling', async () => {
    fs.writeFileSync(`${k.statePath}.reconciler`, JSON.stringify({ pid: deadPid(), token: 'dead', purpose: 'reconciler' }));
    faults++;
    const victim = (await observeWorld(k, docker)).runningApp[0];
    await docker.run(['rm', '-f', victim.id]);
    expect((await k.run(['reconcile'])).code).toBe(0);
    const view = await observeWorld(k, docker);
    expect(view.runningApp).toHaveLength(4);
    expect(orphans(view)).toEqual([]);
  });
});
