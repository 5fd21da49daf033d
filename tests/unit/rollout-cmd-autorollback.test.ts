/**
 * Automatic rollback (beyond Kubernetes, opt-in): the pure decision, the controller step run in every pass,
 * and `kctl rollout status` exiting 6 after it (annotation kctl.io/auto-rollback, or --auto-rollback).
 */
import type { KObject } from '../../src/api/types';
import { applyRollback, autoRollbackFor, rollbackSince } from '../../src/kinds/deployment/autorollback';
import { syncAutoRollback } from '../helpers/controllers';
import { COMPLETED_LABEL } from '../../src/kinds/deployment/autorollback/completed';
import { syncDeployment } from '../../src/kinds/deployment/controller/sync';
import { State, emptyState } from '../../src/store/state';
import { Store } from '../../src/store/store';
import { fakeCliEnv, runCli } from '../helpers/cli';
import { untilSettled, useFakeClock } from '../helpers/fake-clock';

const NOW = new Date('2026-01-01T00:10:00Z');

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } });

interface Revision {
  image: string;
  completed?: boolean;
  /** Container waiting reason of its one pod. */
  podWaiting?: string;
}

/** A Deployment running the last of `revisions` (1-based revision numbers), with one pod per ReplicaSet. */
function world(revisions: Revision[], dep: { progressing?: string; paused?: boolean; stale?: boolean; annotations?: Record<string, string> } = {}) {
  const state = new State(emptyState(), () => NOW);
  const d = state.put({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', generation: dep.stale ? 3 : 2, annotations: dep.annotations },
    spec: { replicas: 1, paused: dep.paused, selector: { matchLabels: { app: 'web' } }, template: template(revisions.at(-1)!.image) },
    status: { observedGeneration: 2, conditions: [{ type: 'Progressing', status: dep.progressing === 'ProgressDeadlineExceeded' ? 'False' : 'True', reason: dep.progressing ?? 'ReplicaSetUpdated' }] },
  });
  const owner = (o: KObject) => [{ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true }];
  revisions.forEach((r, i) => {
    const name = `web-rev${i + 1}`;
    const rs = state.put({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        creationTimestamp: new Date(NOW.getTime() - 60_000 * (10 - i)).toISOString(),
        labels: { app: 'web', 'pod-template-hash': `rev${i + 1}`, ...(r.completed ? { [COMPLETED_LABEL]: 'true' } : {}) },
        annotations: { 'deployment.kubernetes.io/revision': String(i + 1) },
        ownerReferences: owner(d),
      },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { ...template(r.image), metadata: { labels: { app: 'web', 'pod-template-hash': `rev${i + 1}` } } } },
    });
    state.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${name}-pod`, labels: { app: 'web' }, ownerReferences: owner(rs) },
      spec: template(r.image).spec,
      status: { containerStatuses: [{ name: 'web', state: r.podWaiting ? { waiting: { reason: r.podWaiting } } : { running: {} } }] },
    });
  });
  return { state, dep: () => state.get('Deployment', 'default', 'web')! };
}

describe('autoRollbackFor (pure decision)', () => {
  test('a rollout past its progress deadline goes back to the latest completed revision', () => {
    const w = world([{ image: 'v1', completed: true }, { image: 'v2', completed: true }, { image: 'v3' }], { progressing: 'ProgressDeadlineExceeded' });
    expect(autoRollbackFor(w.state, w.dep())).toEqual({ toRevision: 2, reason: 'progress deadline exceeded' });
  });

  test('a pod of the new ReplicaSet in CrashLoopBackOff', () => {
    const w = world([{ image: 'v1', completed: true }, { image: 'v2', podWaiting: 'CrashLoopBackOff' }]);
    expect(autoRollbackFor(w.state, w.dep())).toEqual({ toRevision: 1, reason: 'pod web-rev2-pod is in CrashLoopBackOff' });
  });

  test('a completed revision that never became the newest again is skipped over a later completed one', () => {
    const w = world([{ image: 'v1', completed: true }, { image: 'v2' }, { image: 'v3', completed: true }, { image: 'v4' }], { progressing: 'ProgressDeadlineExceeded' });
    expect(autoRollbackFor(w.state, w.dep())?.toRevision).toBe(3);
  });

  test.each<[string, Revision[], Parameters<typeof world>[1]]>([
    ['the rollout is only under way', [{ image: 'v1', completed: true }, { image: 'v2', podWaiting: 'ContainerCreating' }], {}],
    ['only an old pod crash-loops', [{ image: 'v1', completed: true, podWaiting: 'CrashLoopBackOff' }, { image: 'v2' }], {}],
    ['no revision ever completed', [{ image: 'v1' }, { image: 'v2' }], { progressing: 'ProgressDeadlineExceeded' }],
    ['the running revision completed before', [{ image: 'v1', completed: true }, { image: 'v2', completed: true }], { progressing: 'ProgressDeadlineExceeded' }],
    ['the Deployment is paused', [{ image: 'v1', completed: true }, { image: 'v2' }], { progressing: 'ProgressDeadlineExceeded', paused: true }],
    ['the deadline is about a spec not yet observed', [{ image: 'v1', completed: true }, { image: 'v2' }], { progressing: 'ProgressDeadlineExceeded', stale: true }],
  ])('no rollback when %s', (_why, revisions, dep) => {
    const w = world(revisions, dep);
    expect(autoRollbackFor(w.state, w.dep())).toBeUndefined();
  });
});

describe('syncAutoRollback (the controller step)', () => {
  test('rolls back a Deployment that opted in, with a RolledBack event, and asks for the next pass at once', () => {
    const w = world([{ image: 'v1', completed: true }, { image: 'v2' }], { progressing: 'ProgressDeadlineExceeded', annotations: { 'kctl.io/auto-rollback': 'true' } });
    expect(syncAutoRollback(w.state)).toBe(0);
    expect(w.dep().spec.template).toEqual(template('v1'));
    expect(w.dep().metadata.generation).toBe(3);
    expect(w.state.eventsFor(w.dep()).map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual(['Warning RolledBack Rolled back to revision 1: progress deadline exceeded']);
    expect(rollbackSince(w.state, w.dep(), NOW)).toEqual({ toRevision: 1, reason: 'progress deadline exceeded' });
    expect(rollbackSince(w.state, w.dep(), new Date(NOW.getTime() + 999))).toEqual({ toRevision: 1, reason: 'progress deadline exceeded' });
    expect(rollbackSince(w.state, w.dep(), new Date(NOW.getTime() + 1000))).toBeUndefined();
  });

  test('records the rollback as data on the Deployment, kept by later controller passes and read back without the event', () => {
    const w = world([{ image: 'v1', completed: true }, { image: 'v2' }], { progressing: 'ProgressDeadlineExceeded', annotations: { 'kctl.io/auto-rollback': 'true' } });
    syncAutoRollback(w.state);
    expect(w.dep().status.autoRollback).toEqual({ revision: 1, reason: 'progress deadline exceeded', time: '2026-01-01T00:10:00Z' });
    syncDeployment(w.state, w.dep(), NOW);
    expect(w.dep().status.autoRollback).toEqual({ revision: 1, reason: 'progress deadline exceeded', time: '2026-01-01T00:10:00Z' });
    w.state.data.events.length = 0;
    expect(rollbackSince(w.state, w.dep(), NOW)).toEqual({ toRevision: 1, reason: 'progress deadline exceeded' });
  });

  test('leaves a Deployment that did not opt in alone', () => {
    const w = world([{ image: 'v1', completed: true }, { image: 'v2' }], { progressing: 'ProgressDeadlineExceeded' });
    expect(syncAutoRollback(w.state)).toBeUndefined();
    expect(w.dep().spec.template).toEqual(template('v2'));
  });

  test('marks the new ReplicaSet of a completed rollout, once', () => {
    const w = world([{ image: 'v1' }]);
    const dep = w.dep();
    dep.status = { observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1, conditions: [] };
    w.state.put(dep);
    syncAutoRollback(w.state);
    expect(w.state.get('ReplicaSet', 'default', 'web-rev1')!.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': 'rev1', [COMPLETED_LABEL]: 'true' });
    const version = w.state.data.resourceVersion;
    syncAutoRollback(w.state);
    expect(w.state.data.resourceVersion).toBe(version);
  });

  test('applyRollback leaves the Deployment\'s own bookkeeping and takes the revision\'s template', () => {
    const w = world([{ image: 'v1', completed: true }, { image: 'v2' }]);
    applyRollback(w.state, w.dep(), { toRevision: 1, reason: 'test' });
    expect(w.dep().spec.template).toEqual(template('v1'));
  });
});

/** The same demo Deployment as rollout-cmd.test.ts, with an exec readiness probe answered by the fake; on the fake clock. */
function cli(annotations = '', opts: { stderrIsTTY?: boolean } = {}) {
  const env = { ...fakeCliEnv(), ...opts };
  const { runtime } = env;
  const manifest = (image: string, command = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${annotations}spec:
  replicas: 2
  progressDeadlineSeconds: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ${image}
${command}          readinessProbe:
            exec:
              command: [ready]
            periodSeconds: 1
`;
  env.write('v1.yaml', manifest('kctl-demo/web:v1'));
  env.write('crash.yaml', manifest('kctl-demo/web:v2', "          command: [sh, -c, 'echo boom; exit 1']\n"));
  runtime.setExecResult((argv, c) => argv.join(' ') === 'ready' && c.image === 'kctl-demo/web:v2', { exitCode: 1, stdout: 'not ready\n' });
  return {
    runtime,
    kctl: (line: string) => untilSettled(runCli(line, env)),
    images: () =>
      new Store(env.statePath)
        .read()
        .list('Pod')
        .filter((p) => !p.metadata.deletionTimestamp)
        .map((p) => p.spec.containers[0].image),
  };
}

describe('kctl rollout status with auto-rollback', () => {
  useFakeClock();

  test('annotation: a rollout that never becomes ready is undone to v1 and status exits 6', async () => {
    const k = cli("  annotations:\n    kctl.io/auto-rollback: 'true'\n");
    expect((await k.kctl('apply -f v1.yaml')).code).toBe(0);
    await k.kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false');
    expect(await k.kctl('rollout status deployment/web --timeout 60s')).toEqual({
      code: 6,
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\nWaiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
      stderr:
        'warning: deployment "web" rolled back to revision 1: progress deadline exceeded\n' +
        'error: deployment "web" rollout failed (progress deadline exceeded) and was rolled back to revision 1\n',
    });
    expect(k.images()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1']);
    expect((await k.kctl('rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  });

  test('annotation: `set image` waiting on the rollout also exits 6 when it was rolled back meanwhile', async () => {
    const k = cli("  annotations:\n    kctl.io/auto-rollback: 'true'\n");
    await k.kctl('apply -f v1.yaml');
    expect(await k.kctl('set image deployment/web web=kctl-demo/web:v2 --timeout 60s')).toEqual({
      code: 6,
      stdout: 'deployment.apps/web image updated\n',
      stderr:
        'warning: deployment "web" rolled back to revision 1: progress deadline exceeded\n' +
        'error: deployment "web" rollout failed (progress deadline exceeded) and was rolled back to revision 1\n',
    });
    expect(k.images()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1']);
  });

  test('annotation: `apply` of a crash-looping version waits for the rollback and exits 6', async () => {
    const k = cli("  annotations:\n    kctl.io/auto-rollback: 'true'\n");
    await k.kctl('apply -f v1.yaml');
    const r = await k.kctl('apply -f crash.yaml --timeout 120s');
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('deployment.apps/web configured\n');
    expect(r.stderr).toMatch(/^warning: deployment "web" rolled back to revision 1: .+\nerror: deployment "web" rollout failed \(.+\) and was rolled back to revision 1\n$/);
    expect(k.images()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1']);
  });

  test('annotation: a wait that times out after the rollback (v1 no longer ready either) still reports the rollback and exits 6', async () => {
    const k = cli("  annotations:\n    kctl.io/auto-rollback: 'true'\n");
    await k.kctl('apply -f v1.yaml');
    k.runtime.setExecResult('ready', { exitCode: 1, stdout: 'not ready\n' });
        // Five seconds of passes: v1's pods fail their probes and leave the Endpoints.
    expect((await k.kctl('wait --for=condition=Never deployment/web --timeout=5s')).code).not.toBe(0);
    expect(await k.kctl('set image deployment/web web=kctl-demo/web:v2 --timeout 60s')).toEqual({
      code: 6,
      stdout: 'deployment.apps/web image updated\n',
      stderr:
        'warning: deployment "web" rolled back to revision 1: progress deadline exceeded\n' +
        'error: deployment "web" rollout failed (progress deadline exceeded) and was rolled back to revision 1\n',
    });
  });

  test('on a terminal, the wait draws each progress line over the last and clears it at the end', async () => {
    const k = cli("  annotations:\n    kctl.io/auto-rollback: 'true'\n", { stderrIsTTY: true });
    await k.kctl('apply -f v1.yaml');
    const r = await k.kctl('set image deployment/web web=kctl-demo/web:v2 --timeout 60s');
    expect(r.code).toBe(6);
    const line = (updated: number) => `\r\x1b[2Kwaiting for deployment.apps/web: 2/2 available, ${updated} updated, 3 pods`;
    expect(r.stderr.split('warning:')[0]).toBe(`${line(1)}${line(2)}\r\x1b[2K`);
  });

  test('--auto-rollback: new pods crash-looping are undone to v1 and status exits 6', async () => {
    const k = cli();
    await k.kctl('apply -f v1.yaml');
    await k.kctl('apply -f crash.yaml --wait=false');
    const r = await k.kctl('rollout status deployment/web --auto-rollback --timeout 60s');
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(
      /^warning: deployment "web" rolled back to revision 1: pod web-[a-z0-9]{1,10}-[a-z0-9]{5} is in CrashLoopBackOff\nerror: deployment "web" rollout failed \(pod web-[a-z0-9]{1,10}-[a-z0-9]{5} is in CrashLoopBackOff\) and was rolled back to revision 1\n$/,
    );
    expect(k.images()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1']);
  });

  test('without the switch kubectl\'s behaviour stays: the deadline fails the status with exit 1, nothing is undone', async () => {
    const k = cli();
    await k.kctl('apply -f v1.yaml');
    await k.kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false');
    expect(await k.kctl('rollout status deployment/web --timeout 60s')).toEqual({
      code: 1,
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n',
      stderr: 'error: deployment "web" exceeded its progress deadline\n',
    });
    expect(k.images().sort()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v2']);
  });
});
