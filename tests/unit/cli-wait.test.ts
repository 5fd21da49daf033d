import * as fs from 'fs';
import * as path from 'path';
import { runCli, fakeCliEnv, type FakeCliEnv, type CliEnv } from '../helpers/cli';

const deployment = (image: string, policy = 'IfNotPresent') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ${image}
          imagePullPolicy: ${policy}
`;

function setup(files: Record<string, string> = {}): FakeCliEnv {
  return fakeCliEnv({ 'web.yaml': deployment('kctl-demo/web:v1'), ...files });
}

const podNames = (env: CliEnv) => Object.values(JSON.parse(fs.readFileSync(env.statePath, 'utf8')).objects as Record<string, any>).filter((o) => o.kind === 'Pod').map((o) => o.metadata.name as string).sort();

describe('kctl wait', () => {
  test('--for=condition reconciles until the condition holds and prints kubectl\'s line', async () => {
    const env = setup();
    expect((await runCli('apply -f web.yaml --wait=false', env)).code).toBe(0);
    expect(await runCli('wait deployment/web --for=condition=Available --timeout=30s', env)).toEqual({ code: 0, stdout: 'deployment.apps/web condition met\n', stderr: '' });
    expect((await runCli('get deployment web -o jsonpath={.status.readyReplicas}', env)).stdout).toBe('2');
  });

  test('several --for must all hold; TYPE NAME and -l forms; names are matched case-insensitively', async () => {
    const env = setup();
    await runCli('apply -f web.yaml', env);
    expect(await runCli("wait deployment web --for=condition=available=true --for=jsonpath='{.status.readyReplicas}'=2 --for jsonpath=.spec.replicas", env)).toEqual({ code: 0, stdout: 'deployment.apps/web condition met\n', stderr: '' });
    const pods = podNames(env);
    expect(await runCli('wait pods -l app=web --for=condition=Ready', env)).toEqual({ code: 0, stdout: pods.map((p) => `pod/${p} condition met\n`).join(''), stderr: '' });
    expect(await runCli('wait pods --all --for=condition=Ready=False --for=condition=Ready --timeout=0', env)).toMatchObject({ code: 1, stdout: '' });
  });

  test('--timeout: kubectl\'s message naming the object, with what was still awaited', async () => {
    const env = setup();
    await runCli('apply -f web.yaml', env);
    expect(await runCli('wait deployment/web --for=jsonpath={.status.readyReplicas}=3 --timeout=0', env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: timed out waiting for the condition on deployments/web\nhint: deployment.apps/web: {.status.readyReplicas} is 2, waiting for 3\n',
    });
    expect(await runCli('wait deploy/web --for=condition=Progressing=False --timeout=0.2s', env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: timed out waiting for the condition on deployments/web\nhint: deployment.apps/web: condition Progressing is True (ReplicaSet "web-5c6c9f9d4d" has successfully progressed.)\n'.replace('web-5c6c9f9d4d', rsName(env)),
    });
  });

  test('fails fast when pods are stuck on an image that cannot be had', async () => {
    const env = setup({ 'never.yaml': deployment('kctl-demo/missing:v1', 'Never') });
    env.runtime.setImageMissing('kctl-demo/missing:v1');
    await runCli('apply -f never.yaml --wait=false', env);
    const result = await runCli('wait deployment/web --for=condition=Available --timeout=1m', env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: pod\/web-[a-z0-9]+-[a-z0-9]+ is not ready: ErrImageNeverPull/);
  });

  test('fails fast when the object is deleted while waiting for a condition; --for=delete is met by the same delete', async () => {
    const env = setup();
    await runCli('apply -f web.yaml', env);
    const [waitCondition, waitDelete, del] = await Promise.all([
      runCli('wait deployment/web --for=jsonpath={.status.readyReplicas}=5 --timeout=1m', env),
      runCli('wait deployment/web --for=delete --timeout=1m', env),
      runCli('delete deployment web', env),
    ]);
    expect(del).toMatchObject({ code: 0, stdout: 'deployment.apps "web" deleted\n' });
    expect(waitDelete).toEqual({ code: 0, stdout: 'deployment.apps/web condition met\n', stderr: '' });
    expect(waitCondition.code).toBe(1);
    expect(waitCondition.stderr).toMatch(/^error: deployment.apps\/web (was deleted while waiting for the condition|is being deleted: the condition can no longer be met)\n$/);
  });

  test('a pod that has finished can never become Ready', async () => {
    const env = setup({ 'job.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: once}\nspec:\n  restartPolicy: Never\n  containers:\n    - name: c\n      image: kctl-test/busybox:latest\n      imagePullPolicy: Never\n      command: [sh, -c, "exit 3"]\n' });
    await runCli('apply -f job.yaml --wait=false', env);
    expect(await runCli('wait pod/once --for=condition=Ready --timeout=1m', env)).toEqual({ code: 1, stdout: '', stderr: 'error: pod/once has finished (phase Failed): the condition can no longer be met\n' });
  });

  test('--for=create waits for an object to appear; --for=delete of what is gone succeeds at once', async () => {
    const env = setup();
    const [created] = await Promise.all([runCli('wait deployment/web --for=create --timeout=1m', env), runCli('apply -f web.yaml --wait=false', env)]);
    expect(created).toEqual({ code: 0, stdout: 'deployment.apps/web condition met\n', stderr: '' });
    expect(await runCli('wait deployment/nothere --for=delete', env)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('errors: not found (4), nothing selected (1), bad --for and missing names (2)', async () => {
    const env = setup();
    expect(await runCli('wait deployment/web --for=condition=Available', env)).toEqual({ code: 4, stdout: '', stderr: 'error: deployments.apps "web" not found\n' });
    expect(await runCli('wait deployments -l app=web --for=condition=Available', env)).toEqual({ code: 1, stdout: '', stderr: 'error: no matching resources found\n' });
    expect(await runCli('wait deployments -l app=web --for=delete', env)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli('wait deployments --for=delete', env)).toEqual({ code: 2, stdout: '', stderr: 'error: resource(s) were provided, but no name, label selector, or --all flag specified\n' });
    expect(await runCli('wait deployment/web --for=ready', env)).toEqual({ code: 2, stdout: '', stderr: 'error: unrecognized condition: "ready"\nhint: use condition=NAME[=VALUE], delete, create or jsonpath={...}[=VALUE]\n' });
    expect(await runCli('wait deployment/web --for=jsonpath={.a}=b=c', env)).toEqual({ code: 2, stdout: '', stderr: "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n" });
    expect(await runCli('wait deployment/web', env)).toEqual({ code: 2, stdout: '', stderr: "error: --for must be set\nhint: e.g. --for=condition=Available, --for=delete or --for=jsonpath='{.status.readyReplicas}'=3\n" });
    expect(await runCli('wait deployment/web --for=delete --timeout=soon', env)).toEqual({ code: 2, stdout: '', stderr: 'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n' });
  });
});

function rsName(env: CliEnv): string {
  return Object.values(JSON.parse(fs.readFileSync(env.statePath, 'utf8')).objects as Record<string, any>).find((o) => o.kind === 'ReplicaSet').metadata.name;
}
