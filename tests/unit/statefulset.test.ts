/**
 * The StatefulSet kind on the fake runtime: apply refused in the API server's words, pods web-0..N-1 made in
 * ordinal order (OrderedReady) or at once (Parallel), one claim per pod and template that outlives the pod and a
 * scale-down, retention policies, rolling updates from the highest ordinal down to the partition, OnDelete,
 * ControllerRevisions with rollout history and undo, get/describe as kubectl prints them.
 */
import { Store } from '../../src/store/store';
import { clockedCliEnv, fakeCliEnv, runCli, type ClockedCliEnv } from '../helpers/cli';

const sts = (opts: { image?: string; replicas?: number; extra?: string; claims?: boolean } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: ${opts.replicas ?? 3}
  selector:
    matchLabels: {app: web}
${opts.extra ?? ''}  template:
    metadata:
      labels: {app: web}
    spec:
      terminationGracePeriodSeconds: 0
      containers:
      - name: web
        image: ${opts.image ?? 'kctl-test/busybox:latest'}
        imagePullPolicy: IfNotPresent
        command: [sleep, '100000']
        volumeMounts:
        - {name: data, mountPath: /data}
${opts.claims === false ? '' : `  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests: {storage: 1Gi}
`}`;

const state = (env: ClockedCliEnv) => new Store(env.statePath).read();
/** The set's pods, by name: image and phase, and whether being deleted. */
const pods = (env: ClockedCliEnv) =>
  state(env)
    .list('Pod')
    .map((p) => `${p.metadata.name} ${p.spec.containers[0].image.replace('kctl-test/', '')} ${p.status?.phase}${p.metadata.deletionTimestamp ? ' (deleted)' : ''}`)
    .sort();
const claims = (env: ClockedCliEnv) => state(env).list('PersistentVolumeClaim').filter((c) => !c.metadata.deletionTimestamp).map((c) => c.metadata.name).sort();
const uidOf = (env: ClockedCliEnv, name: string) => state(env).get('PersistentVolumeClaim', 'default', name)?.metadata.uid;

async function applied(yaml: string): Promise<ClockedCliEnv> {
  const env = clockedCliEnv({ 'sts.yaml': yaml });
  env.setTime(0);
  expect(await runCli('apply -f sts.yaml --wait=false', env)).toMatchObject({ code: 0, stdout: 'statefulset.apps/web created\n', stderr: '' });
  return env;
}

/** Runs passes one second apart until `done` holds (at most `max`). */
async function passesUntil(env: ClockedCliEnv, from: number, done: () => boolean, max = 20): Promise<number> {
  let t = from;
  for (let i = 0; i < max && !done(); i++) await env.passAt((t += 1000));
  expect(done()).toBe(true);
  return t;
}

describe('kctl apply of a StatefulSet', () => {
  test('refused as the API server refuses it', async () => {
    const env = fakeCliEnv({
      'labels.yaml': sts().replace('matchLabels: {app: web}', 'matchLabels: {app: other}'),
      'policy.yaml': sts({ extra: '  podManagementPolicy: Sometimes\n' }),
      'ondelete.yaml': sts({ extra: '  updateStrategy:\n    type: OnDelete\n    rollingUpdate: {partition: 1}\n' }),
      'unavailable.yaml': sts({ extra: '  updateStrategy:\n    rollingUpdate: {maxUnavailable: 0}\n' }),
      'claim.yaml': sts().replace('requests: {storage: 1Gi}', 'requests: {storage: 0}'),
      'mount.yaml': sts({ claims: false }),
    });
    expect(await runCli('apply -f labels.yaml', env)).toEqual({ code: 3, stdout: '', stderr: 'error: labels.yaml:12:15: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n' });
    expect((await runCli('apply -f policy.yaml', env)).stderr).toBe('error: policy.yaml:10:24: spec.podManagementPolicy: Unsupported value: "Sometimes": supported values: "OrderedReady", "Parallel"\n');
    expect((await runCli('apply -f ondelete.yaml', env)).stderr).toBe('error: ondelete.yaml:12:20: spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy \'RollingUpdate\'\n');
    expect((await runCli('apply -f unavailable.yaml', env)).stderr).toBe('error: unavailable.yaml:11:37: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0\n');
    expect((await runCli('apply -f claim.yaml', env)).stderr).toBe('error: claim.yaml:28:29: spec.volumeClaimTemplates[0].spec.resources.requests.storage: Invalid value: 0: must be greater than zero\n');
    // Without the claim template the mount names no volume of the pod.
    expect((await runCli('apply -f mount.yaml', env)).stderr).toMatch(/^error: mount\.yaml:\d+:\d+: spec\.template\.spec\.containers\[0\]\.volumeMounts\[0\]\.name: Not found: "data"\n$/);
    expect((await runCli('get sts', env)).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('the stateful set controller', () => {
  test('OrderedReady: web-0, web-1, web-2 one after the other, each once the one before is Ready, each with its claim, hostname and subdomain', async () => {
    const probe = '        readinessProbe:\n          exec: {command: [cat, /tmp/ready]}\n          periodSeconds: 1\n';
    const env = clockedCliEnv({ 'sts.yaml': sts().replace('        volumeMounts:\n', `${probe}        volumeMounts:\n`) });
    env.setTime(0);
    env.runtime.setExecResult('cat /tmp/ready', { exitCode: 1 });
    expect((await runCli('apply -f sts.yaml --wait=false', env)).code).toBe(0);
    let t = 0;
    for (let i = 0; i < 3; i++) await env.passAt((t += 1000));
    // web-0 runs but is not Ready: web-1 waits.
    expect(pods(env)).toEqual(['web-0 busybox:latest Running']);
    expect(claims(env)).toEqual(['data-web-0']);
    expect((await runCli('rollout status sts/web --watch=false', env)).stdout).toBe('Waiting for 3 pods to be ready...\n');
    env.runtime.setExecResult('cat /tmp/ready', { exitCode: 0 });
    t = await passesUntil(env, t, () => pods(env).length === 3 && state(env).get('StatefulSet', 'default', 'web')!.status.readyReplicas === 3);
    const created = state(env).eventsFor(state(env).get('StatefulSet', 'default', 'web')!).filter((e) => e.message.startsWith('create Pod')).map((e) => e.message);
    expect(created).toEqual(['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful', 'create Pod web-2 in StatefulSet web successful']);
    expect(claims(env)).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
    const pod = state(env).get('Pod', 'default', 'web-1')!;
    expect(pod.spec.hostname).toBe('web-1');
    expect(pod.spec.subdomain).toBe('web');
    expect(pod.spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } }]);
    const set = state(env).get('StatefulSet', 'default', 'web')!;
    expect(pod.metadata.labels).toEqual({ app: 'web', 'controller-revision-hash': set.status.updateRevision, 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    const claim = state(env).get('PersistentVolumeClaim', 'default', 'data-web-1')!;
    expect(claim.metadata.labels).toEqual({ app: 'web' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(set.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(set.status.currentRevision).toBe(set.status.updateRevision);
    expect((await runCli('get sts', env)).stdout).toBe(`NAME   READY   AGE\nweb    3/3     ${t / 1000}s\n`);
    const events = (await runCli('describe sts web', env)).stdout;
    expect(events).toMatch(/^Name:               web\nNamespace:          default\nCreationTimestamp:  .*\nSelector:           app=web\nLabels:             <none>\nAnnotations:        <none>\nReplicas:           3 desired \| 3 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\nPods Status:        3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n/);
    expect(events).toContain('Volume Claims:\n  Name:          data\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\n');
    expect(events).toContain('create Claim data-web-0 Pod web-0 in StatefulSet web success');
    expect(events).toContain('create Pod web-2 in StatefulSet web successful');
    expect((await runCli('rollout status sts/web', env)).stdout).toBe('partitioned roll out complete: 3 new pods have been updated...\n');
  });

  test('Parallel makes every pod at once; a deleted pod comes back under its name with the same claim', async () => {
    const env = await applied(sts({ extra: '  podManagementPolicy: Parallel\n' }));
    expect(pods(env)).toEqual(['web-0 busybox:latest Running', 'web-1 busybox:latest Running', 'web-2 busybox:latest Running']);
    const uid = uidOf(env, 'data-web-1');
    const podUid = state(env).get('Pod', 'default', 'web-1')!.metadata.uid;
    expect((await runCli('delete pod web-1', env)).code).toBe(0);
    await passesUntil(env, 0, () => pods(env).length === 3 && state(env).get('Pod', 'default', 'web-1')?.metadata.uid !== podUid && state(env).get('Pod', 'default', 'web-1')?.status?.phase === 'Running');
    expect(uidOf(env, 'data-web-1')).toBe(uid);
  });

  test('scale down removes the highest ordinal first and keeps its claim; scale up reuses it', async () => {
    const env = await applied(sts());
    let t = await passesUntil(env, 0, () => state(env).get('StatefulSet', 'default', 'web')!.status?.readyReplicas === 3);
    const uid = uidOf(env, 'data-web-2');
    expect((await runCli('scale sts web --replicas=1', env)).stdout).toBe('statefulset.apps/web scaled\n');
    t = await passesUntil(env, t, () => pods(env).length === 1);
    // From the top: web-2 goes before web-1.
    const deleted = state(env).eventsFor(state(env).get('StatefulSet', 'default', 'web')!).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deleted).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
    expect(claims(env)).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
    expect((await runCli('scale sts web --replicas=3', env)).code).toBe(0);
    await passesUntil(env, t, () => pods(env).length === 3);
    expect(uidOf(env, 'data-web-2')).toBe(uid);
  });

  test('whenScaled Delete removes the claims of the pods a scale-down removes; whenDeleted Delete the rest with the set', async () => {
    const env = await applied(sts({ replicas: 2, extra: '  podManagementPolicy: Parallel\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}\n' }));
    expect(claims(env)).toEqual(['data-web-0', 'data-web-1']);
    expect(state(env).get('PersistentVolumeClaim', 'default', 'data-web-0')!.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'StatefulSet', name: 'web' })]);
    expect((await runCli('scale sts web --replicas=1', env)).code).toBe(0);
    const t = await passesUntil(env, 0, () => pods(env).length === 1 && claims(env).length === 1);
    expect(claims(env)).toEqual(['data-web-0']);
    expect((await runCli('delete sts web', env)).code).toBe(0);
    await passesUntil(env, t, () => claims(env).length === 0 && pods(env).length === 0);
  });

  test('Retain (the default) keeps every claim when the set is deleted', async () => {
    const env = await applied(sts({ replicas: 2, extra: '  podManagementPolicy: Parallel\n' }));
    expect((await runCli('delete sts web', env)).code).toBe(0);
    await passesUntil(env, 0, () => pods(env).length === 0);
    expect(claims(env)).toEqual(['data-web-0', 'data-web-1']);
    expect(state(env).list('ControllerRevision')).toEqual([]);
  });

  test('a rolling update goes from the highest ordinal down, one pod at a time, and stops at the partition', async () => {
    const env = await applied(sts({ extra: '  updateStrategy:\n    rollingUpdate: {partition: 1}\n' }));
    let t = await passesUntil(env, 0, () => state(env).get('StatefulSet', 'default', 'web')!.status?.readyReplicas === 3);
    env.write('sts.yaml', sts({ image: 'kctl-test/busybox:v2', extra: '  updateStrategy:\n    rollingUpdate: {partition: 1}\n' }));
    expect((await runCli('apply -f sts.yaml --wait=false', env)).code).toBe(0);
    // The first pass replaced web-2 only.
    expect(pods(env)).toEqual(['web-0 busybox:latest Running', 'web-1 busybox:latest Running', 'web-2 busybox:v2 Pending']);
    t = await passesUntil(env, t, () => pods(env).includes('web-1 busybox:v2 Running'));
    // The partition holds web-0 at the current revision, and rollout status says the partitioned roll out is done.
    for (let i = 0; i < 3; i++) await env.passAt((t += 1000));
    expect(pods(env)).toEqual(['web-0 busybox:latest Running', 'web-1 busybox:v2 Running', 'web-2 busybox:v2 Running']);
    const deleted = state(env).eventsFor(state(env).get('StatefulSet', 'default', 'web')!).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deleted).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
    const status = state(env).get('StatefulSet', 'default', 'web')!.status;
    expect(status).toMatchObject({ updatedReplicas: 2, currentReplicas: 1 });
    expect(status.currentRevision).not.toBe(status.updateRevision);
    expect((await runCli('rollout status sts/web', env)).stdout).toBe('partitioned roll out complete: 2 new pods have been updated...\n');
    // Partition 0 finishes it: the update revision becomes the current one.
    env.write('sts.yaml', sts({ image: 'kctl-test/busybox:v2' }));
    expect((await runCli('apply -f sts.yaml --wait=false', env)).code).toBe(0);
    await passesUntil(env, t, () => pods(env).includes('web-0 busybox:v2 Running') && state(env).get('StatefulSet', 'default', 'web')!.status.currentReplicas === 3);
    const done = state(env).get('StatefulSet', 'default', 'web')!.status;
    expect(done.currentRevision).toBe(done.updateRevision);
  });

  test('maxUnavailable 2 replaces two pods at a time', async () => {
    const extra = '  podManagementPolicy: Parallel\n  updateStrategy:\n    rollingUpdate: {maxUnavailable: 2}\n';
    const env = await applied(sts({ extra }));
    env.write('sts.yaml', sts({ image: 'kctl-test/busybox:v2', extra }));
    expect((await runCli('apply -f sts.yaml --wait=false', env)).code).toBe(0);
    // The first pass replaced web-2 and web-1 at once; web-0 waits for them.
    expect(pods(env)).toEqual(['web-0 busybox:latest Running', 'web-1 busybox:v2 Pending', 'web-2 busybox:v2 Pending']);
  });

  test('OnDelete: a template change reaches a pod only when it is deleted', async () => {
    const extra = '  podManagementPolicy: Parallel\n  updateStrategy:\n    type: OnDelete\n';
    const env = await applied(sts({ extra }));
    env.write('sts.yaml', sts({ image: 'kctl-test/busybox:v2', extra }));
    expect((await runCli('apply -f sts.yaml --wait=false', env)).code).toBe(0);
    let t = 0;
    for (let i = 0; i < 3; i++) await env.passAt((t += 1000));
    expect(pods(env)).toEqual(['web-0 busybox:latest Running', 'web-1 busybox:latest Running', 'web-2 busybox:latest Running']);
    expect((await runCli('delete pod web-1', env)).code).toBe(0);
    await passesUntil(env, t, () => pods(env).includes('web-1 busybox:v2 Running'));
    expect((await runCli('rollout status sts/web', env))).toMatchObject({ code: 1, stderr: 'error: rollout status is only available for RollingUpdate strategy type\n' });
  });

  test('rollout history lists the ControllerRevisions; undo puts the previous template back', async () => {
    const env = await applied(sts({ extra: '  podManagementPolicy: Parallel\n' }));
    env.write('sts.yaml', sts({ image: 'kctl-test/busybox:v2', extra: '  podManagementPolicy: Parallel\n' }));
    expect((await runCli('apply -f sts.yaml --wait=false', env)).code).toBe(0);
    let t = await passesUntil(env, 0, () => pods(env).every((p) => p.includes('v2 Running')) && pods(env).length === 3);
    expect((await runCli('rollout history sts/web', env)).stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await runCli('rollout history sts/web --revision=1', env)).stdout).toMatch(/^statefulset.apps\/web with revision #1\nPod Template:\n[^]*Image:      kctl-test\/busybox:latest\n/);
    const revisions = (await runCli('get controllerrevisions', env)).stdout.split('\n');
    expect(revisions[0]).toMatch(/^NAME +CONTROLLER +REVISION +AGE$/);
    expect(revisions.slice(1, 3).map((l) => l.split(/ +/).slice(1, 3).join(' '))).toEqual(['statefulset.apps/web 1', 'statefulset.apps/web 2']);
    expect((await runCli('rollout undo sts/web --wait=false', env)).stdout).toBe('statefulset.apps/web rolled back\n');
    t = await passesUntil(env, t, () => pods(env).every((p) => p.includes('latest Running')) && pods(env).length === 3);
    // The old revision is reused with the next number, as Kubernetes renumbers it.
    expect((await runCli('rollout history sts/web', env)).stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect((await runCli('rollout undo sts/web --to-revision=3 --wait=false', env)).stdout).toBe('statefulset.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(await runCli('rollout undo sts/web --to-revision=9', env)).toMatchObject({ code: 4, stderr: expect.stringContaining('error: unable to find specified revision 9 in history\n') });
    expect((await runCli('rollout pause sts/web', env)).stderr).toBe('error: statefulsets.apps "web" pausing is not supported\n');
  });
});
