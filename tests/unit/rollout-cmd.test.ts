/**
 * `kctl rollout status|history|undo|pause|resume|restart`, `kctl set image` and `kctl annotate` on the fake
 * runtime: kubectl's exact output and errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { Store } from '../../src/store/store';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';
import { untilSettled, useFakeClock } from '../helpers/fake-clock';

interface Options {
  replicas?: number;
  strategy?: string;
  progressDeadlineSeconds?: number;
  annotations?: string;
}

/** A deployment whose containers answer the exec readiness probe `ready` unless told otherwise. */
function deployment(name: string, o: Options = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${o.annotations ? `  annotations:\n${o.annotations}\n` : ''}spec:
  replicas: ${o.replicas ?? 3}
${o.progressDeadlineSeconds ? `  progressDeadlineSeconds: ${o.progressDeadlineSeconds}\n` : ''}${o.strategy ? `  strategy:\n${o.strategy}\n` : ''}  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: kctl-demo/web:v1
          readinessProbe:
            exec:
              command: [ready]
            periodSeconds: 1
`;
}

export function setup(o: Options & { now?: () => Date } = {}) {
  const dir = tempDir();
  const runtime = new FakeRuntime({ now: o.now });
  const env: CliEnv = { statePath: path.join(dir, 'state.json'), runtime, cwd: dir, now: o.now };
  fs.writeFileSync(path.join(dir, 'web.yaml'), deployment('web', o));
  return {
    runtime,
    env,
    kctl: (line: string) => runCli(line, env),
    /** Pods of image `image` never pass their readiness probe. */
    neverReady(image: string) {
      runtime.setExecResult((argv, c) => argv.join(' ') === 'ready' && c.image === image, { exitCode: 1, stdout: 'not ready\n' });
    },
    state: () => new Store(env.statePath).read(),
    images: () =>
      new Store(env.statePath)
        .read()
        .list('Pod')
        .map((p) => p.spec.containers[0].image)
        .sort(),
  };
}

const ok = (stdout: string) => ({ code: 0, stdout, stderr: '' });
/** A mutating command that waited: its stderr holds nothing but its progress lines. */
const waited = (stdout: string) => ({ code: 0, stdout, stderr: expect.stringMatching(/^(waiting for deployment\.apps\/web: .*\n)*$/) });
const failed = (code: number, stderr: string) => ({ code, stdout: '', stderr });

describe('rollout status', () => {
  test('drives a rollout left undone by --wait=false to the end, each waiting line once', async () => {
    const w = setup();
    expect(await w.kctl('apply -f web.yaml --wait=false')).toEqual(ok('deployment.apps/web created\n'));
    // On the fake engine the pods run at once: the first pass brings them up and the Deployment sees it.
    expect(await w.kctl('rollout status deployment/web')).toEqual(ok('deployment "web" successfully rolled out\n'));
    expect(await w.kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false')).toEqual(ok('deployment.apps/web image updated\n'));
    // Which steps a poll catches depends on the wall clock (probes): each line is kubectl's, and comes once.
    const status = await w.kctl('rollout status deploy web');
    expect(status).toMatchObject({ code: 0, stderr: '' });
    const lines = status.stdout.trimEnd().split('\n');
    expect(lines.pop()).toBe('deployment "web" successfully rolled out');
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    for (const line of lines) {
      expect(line).toMatch(/^Waiting for deployment "web" rollout to finish: (\d out of 3 new replicas have been updated|\d old replicas are pending termination|\d of 3 updated replicas are available)\.\.\.$/);
    }
    expect(w.images()).toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);
  });

  test('--watch=false prints the status once and exits 0 even when the rollout is not done', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    w.neverReady('kctl-demo/web:v2');
    await w.kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false');
    expect(await w.kctl('rollout status deployment/web --watch=false')).toEqual(ok('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n'));
  });

  test('--timeout: kubectl\'s error and exit 1, the old pods still serving', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    w.neverReady('kctl-demo/web:v2');
    await w.kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false');
    expect(await w.kctl('rollout status deployment/web --timeout 1s')).toEqual({
      code: 1,
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: 'error: timed out waiting for the condition\n',
    });
    expect(w.images()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v2']);
  });

  describe('on the fake clock (the progress deadline is 1 s)', () => {
    useFakeClock();

    test('a rollout that makes no progress for progressDeadlineSeconds fails with exit 1', async () => {
      const w = setup({ progressDeadlineSeconds: 1 });
      const kctl = (line: string) => untilSettled(w.kctl(line));
      await kctl('apply -f web.yaml');
      w.neverReady('kctl-demo/web:v2');
      await kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false');
      expect(await kctl('rollout status deployment/web --timeout 30s')).toEqual({
        code: 1,
        stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
        stderr: 'error: deployment "web" exceeded its progress deadline\n',
      });
      const dep = w.state().get('Deployment', 'default', 'web')!;
      expect(dep.status.conditions.find((c: any) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    });
  });

  test('--revision pins the revision being watched', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('rollout status deployment/web --revision 1')).toEqual(ok('deployment "web" successfully rolled out\n'));
    expect(await w.kctl('rollout status deployment/web --revision 2')).toEqual(failed(1, 'error: desired revision (2) is different from the running revision (1)\n'));
  });

  test('errors: unknown deployment, kinds without a status viewer, several resources', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('rollout status deployment/nope')).toEqual(failed(4, 'error: deployments.apps "nope" not found\n'));
    expect(await w.kctl('rollout status pod/x')).toEqual(failed(1, 'error: no status viewer has been implemented for Pod\n'));
    expect(await w.kctl('rollout status rs/x')).toEqual(failed(1, 'error: no status viewer has been implemented for ReplicaSet.apps\n'));
    expect(await w.kctl('rollout status deployment/web deployment/api')).toEqual(failed(2, 'error: rollout status is only supported on individual resources and resource collections are not supported yet\n'));
  });
});

describe('rollout history', () => {
  test('lists revisions with their change-cause, and shows one revision\'s pod template', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    await w.kctl('set image deployment/web web=kctl-demo/web:v2');
    expect(await w.kctl('annotate deployment/web kubernetes.io/change-cause="image v2"')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(await w.kctl('rollout history deployment/web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image v2\n\n'));
    const rs = w.state().list('ReplicaSet').find((r) => r.spec.template.spec.containers[0].image === 'kctl-demo/web:v2')!;
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(await w.kctl('rollout history deployment/web --revision 2')).toEqual(
      ok(
        [
          'deployment.apps/web with revision #2',
          'Pod Template:',
          '  Labels:       app=web',
          `                pod-template-hash=${hash}`,
          '  Annotations:  kubernetes.io/change-cause: image v2',
          '  Containers:',
          '   web:',
          '    Image:         kctl-demo/web:v2',
          '    Port:          <none>',
          '    Host Port:     <none>',
          '    Readiness:     exec [ready] delay=0s timeout=1s period=1s #success=1 #failure=3',
          '    Environment:   <none>',
          '    Mounts:        <none>',
          '  Volumes:         <none>',
          '  Node-Selectors:  <none>',
          '  Tolerations:     <none>',
          '',
          '',
        ].join('\n'),
      ),
    );
  });

  test('errors: unknown revision, kinds without history', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('rollout history deployment/web --revision 7')).toEqual(failed(1, 'error: unable to find the specified revision\n'));
    expect(await w.kctl('rollout history pod/web')).toEqual(failed(1, 'error: no history viewer has been implemented for "Pod"\n'));
    expect(await w.kctl('rollout history deployment/nope')).toEqual(failed(4, 'error: deployments.apps "nope" not found\n'));
  });
});

describe('rollout undo', () => {
  test('back to the previous revision, which becomes the newest; then to a chosen one', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    await w.kctl('set image deployment/web web=kctl-demo/web:v2');
    expect(await w.kctl('rollout undo deployment/web')).toEqual(waited('deployment.apps/web rolled back\n'));
    expect(w.images()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v1']);
    expect((await w.kctl('rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(await w.kctl('rollout undo deployment/web --to-revision=2')).toEqual(waited('deployment.apps/web rolled back\n'));
    expect(w.images()).toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);
    expect(await w.kctl('rollout undo deployment/web --to-revision 4')).toEqual(ok('deployment.apps/web skipped rollback (current template already matches revision 4)\n'));
  });

  test('errors: unknown revision, no history, paused, other kinds', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('rollout undo deployment/web')).toEqual(failed(4, 'error: no rollout history found for deployment "web"\n'));
    await w.kctl('set image deployment/web web=kctl-demo/web:v2');
    expect(await w.kctl('rollout undo deployment/web --to-revision 9')).toEqual(failed(4, 'error: unable to find specified revision 9 in history\nhint: list the revisions with `kctl rollout history`\n'));
    expect(await w.kctl('rollout undo deployment/web --to-revision two')).toEqual(
      failed(2, 'error: invalid argument "two" for "--to-revision" flag: strconv.ParseInt: parsing "two": invalid syntax\n'),
    );
    await w.kctl('rollout pause deployment/web');
    expect(await w.kctl('rollout undo deployment/web')).toEqual(failed(5, "error: you cannot rollback a paused deployment; resume it first with 'kctl rollout resume deployment/web' and try again\n"));
    expect(await w.kctl('rollout undo pod/web')).toEqual(failed(1, 'error: no rollbacker has been implemented for "Pod"\n'));
  });
});

describe('rollout pause and resume', () => {
  test('a paused Deployment records template changes without rolling them out; resume rolls out', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('rollout pause deployment/web')).toEqual(waited('deployment.apps/web paused\n'));
    expect(await w.kctl('rollout pause deployment/web')).toEqual(failed(1, 'error: deployments.apps "web" is already paused\n'));
    expect(await w.kctl('set image deployment/web web=kctl-demo/web:v2')).toEqual(ok('deployment.apps/web image updated\n'));
    expect(w.images()).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v1']);
    expect(w.state().list('ReplicaSet')).toHaveLength(1);
    expect(await w.kctl('rollout resume deployment/web')).toEqual(waited('deployment.apps/web resumed\n'));
    expect(w.images()).toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);
    expect(await w.kctl('rollout resume deployment/web')).toEqual(failed(1, 'error: deployments.apps "web" is not paused\n'));
  });

  test('kinds that cannot be paused', async () => {
    const w = setup();
    expect(await w.kctl('rollout pause pod/web')).toEqual(failed(1, 'error: pods "web" pausing is not supported\n'));
    expect(await w.kctl('rollout resume rs/web')).toEqual(failed(1, 'error: replicasets.apps "web" resuming is not supported\n'));
    expect(await w.kctl('rollout restart svc/web')).toEqual(failed(1, 'error: services "web" restarting is not supported\n'));
  });
});

describe('rollout restart', () => {
  test('replaces every pod through a new revision stamped with kubectl.kubernetes.io/restartedAt', async () => {
    const w = setup({ now: () => new Date('2026-03-04T05:06:07.890Z') });
    await w.kctl('apply -f web.yaml');
    const before = w.state().list('Pod').map((p) => p.metadata.name);
    expect(await w.kctl('rollout restart deployment/web')).toEqual(waited('deployment.apps/web restarted\n'));
    const after = w.state().list('Pod');
    expect(after).toHaveLength(3);
    expect(after.filter((p) => before.includes(p.metadata.name))).toEqual([]);
    const dep = w.state().get('Deployment', 'default', 'web')!;
    expect(dep.spec.template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-03-04T05:06:07Z' });
    expect(await w.kctl('rollout restart deployment/web')).toEqual(
      failed(1, 'error: deployments.apps "web" restart has already been triggered within the past second, please wait before attempting to trigger another\n'),
    );
  });

  test('a paused Deployment cannot be restarted', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    await w.kctl('rollout pause deployment/web');
    expect(await w.kctl('rollout restart deployment/web')).toEqual(failed(1, 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n'));
  });
});

describe('set image', () => {
  test('updates the named container, and prints nothing for an image already set', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('set image deployment/web web=kctl-demo/web:v2')).toEqual(waited('deployment.apps/web image updated\n'));
    expect(w.images()).toEqual(['kctl-demo/web:v2', 'kctl-demo/web:v2', 'kctl-demo/web:v2']);
    expect(await w.kctl('set image deployment web *=kctl-demo/web:v2')).toEqual(ok(''));
    expect(w.state().get('Deployment', 'default', 'web')!.metadata.generation).toBe(2);
  });

  test('errors', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('set image deployment/web nope=kctl-demo/web:v2')).toEqual(failed(1, 'error: unable to find container named "nope"\n'));
    expect(await w.kctl('set image deployment/web')).toEqual(failed(2, 'error: at least one image update is required\n'));
    expect(await w.kctl('set image deployment/nope web=x')).toEqual(failed(4, 'error: deployments.apps "nope" not found\n'));
    expect(await w.kctl('set image web=x deployment/web')).toEqual(failed(2, 'error: all resources must be specified before image changes: deployment/web\n'));
  });
});

describe('annotate', () => {
  test('adds, refuses to overwrite without --overwrite, overwrites, removes', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    const annotations = () => w.state().get('Deployment', 'default', 'web')!.metadata.annotations;
    expect(await w.kctl('annotate deployment/web team=blue owner=ops')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(await w.kctl('annotate deployment/web team=red owner=dev')).toEqual(
      failed(1, "error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (blue); 'owner' already has a value (ops)\n"),
    );
    expect(await w.kctl('annotate deployment/web team=blue')).toEqual(ok('deployment.apps/web annotated\n')); // same value: no clash
    expect(await w.kctl('annotate --overwrite deployment/web team=red')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(await w.kctl('annotate deployment web owner-')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(annotations()).toMatchObject({ team: 'red' });
    expect(annotations()).not.toHaveProperty('owner');
  });

  test('kubernetes.io/change-cause can always be overwritten and reaches the current revision', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    await w.kctl('annotate deployment/web kubernetes.io/change-cause=first');
    expect(await w.kctl('annotate deployment/web kubernetes.io/change-cause=second')).toEqual(ok('deployment.apps/web annotated\n'));
    expect((await w.kctl('rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         second\n\n');
  });

  test('errors', async () => {
    const w = setup();
    await w.kctl('apply -f web.yaml');
    expect(await w.kctl('annotate deployment/web')).toEqual(failed(2, 'error: at least one annotation update is required\n'));
    expect(await w.kctl('annotate deployment/web a=1 a-')).toEqual(failed(2, 'error: can not both modify and remove the following annotation(s) in the same command: a\n'));
    expect(await w.kctl('annotate deployment/web bad_key!=1')).toEqual(
      failed(3, 'error: metadata.annotations: Invalid value: "bad_key!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character\n'),
    );
    expect(await w.kctl('annotate deployment/nope a=1')).toEqual(failed(4, 'error: deployments.apps "nope" not found\n'));
  });
});
