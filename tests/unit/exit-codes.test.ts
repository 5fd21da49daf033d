/**
 * The exit-code contract (docs/exit-codes.md, the README's table), one test per row, each a real command line
 * with its exact stderr. The codes come from src/errors.ts ExitCode.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExitCode } from '../../src/errors';
import { runCli, fakeCliEnv, type FakeCliEnv } from '../helpers/cli';
import { untilSettled, useFakeClock } from '../helpers/fake-clock';

const DEPLOYMENT = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${extra}spec:
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
          readinessProbe:
            exec:
              command: [ready]
            periodSeconds: 1
`;

function setup(): FakeCliEnv {
  const env = fakeCliEnv();
  // v2 pods never become ready: their rollout runs into its progress deadline.
  env.runtime.setExecResult((argv, c) => argv.join(' ') === 'ready' && c.image === 'kctl-demo/web:v2', { exitCode: 1, stdout: 'not ready\n' });
  return env;
}

describe('exit codes', () => {
  test('the table matches src/errors.ts', () => {
    expect(ExitCode).toEqual({ Success: 0, General: 1, RolloutFailed: 1, Timeout: 1, DiffFound: 1, Usage: 2, Validation: 3, NotFound: 4, Conflict: 5, RolledBack: 6, DockerUnreachable: 7, Interrupted: 130 });
    const table = fs.readFileSync(path.join(__dirname, '../../docs/exit-codes.md'), 'utf8');
    const rows = [...table.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map((m) => [Number(m[1]), m[2].trim()]);
    expect(rows).toEqual([
      [0, 'Success'],
      [1, 'General error'],
      [2, 'Usage error'],
      [3, 'Validation error'],
      [4, 'Not found'],
      [5, 'Conflict'],
      [1, 'Timeout'],
      [1, 'Rollout failed'],
      [6, 'Rolled back automatically'],
      [7, 'Docker unreachable'],
      [1, 'Differences found (`kctl diff` only)'],
      [130, 'Interrupted'],
    ]);
  });

  test('130 interrupted', async () => {
    const env = { ...setup(), interrupted: Promise.resolve() };
    const args = ['run', 'srv', '--rm', '-i', '--image=kctl-test/busybox', '--', 'sh', '-c', 'sleep 3600'];
    expect(await runCli(args, env)).toEqual({ code: ExitCode.Interrupted, stdout: 'pod "srv" deleted\n', stderr: 'error: interrupted\n' });
  });

  test('0 success', async () => {
    const env = setup();
    env.write('web.yaml', DEPLOYMENT('kctl-demo/web:v1'));
    expect(await runCli('apply -f web.yaml --wait=false', env)).toEqual({ code: ExitCode.Success, stdout: 'deployment.apps/web created\n', stderr: '' });
    expect(await runCli('wait deployment/web --for=condition=Available', env)).toEqual({ code: ExitCode.Success, stdout: 'deployment.apps/web condition met\n', stderr: '' });
  });

  test('1 general error', async () => {
    const env = setup();
    env.write('web.yaml', DEPLOYMENT('kctl-demo/web:v1'));
    await runCli('apply -f web.yaml', env);
    await runCli('label deployment/web tier=front', env);
    expect(await runCli('label deployment/web tier=back', env)).toEqual({ code: ExitCode.General, stdout: '', stderr: "error: 'tier' already has a value (front), and --overwrite is false\n" });
  });

  test('2 usage error', async () => {
    const env = setup();
    expect(await runCli('get pods --bogus', env)).toEqual({ code: ExitCode.Usage, stdout: '', stderr: "error: unknown option '--bogus'\nSee 'kctl --help' for usage.\n" });
    expect(await runCli('get', env)).toEqual({ code: ExitCode.Usage, stdout: '', stderr: 'error: You must specify the type of resource to get.\nhint: for example: kctl get pods; run `kctl api-resources` for the list\n' });
  });

  test('3 validation error: nothing is applied', async () => {
    const env = setup();
    env.write('two.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\ndata: {a: b}\n---\n${DEPLOYMENT('kctl-demo/web:v1').replace('replicas: 2', 'replicas: two')}`);
    expect(await runCli('apply -f two.yaml', env)).toEqual({ code: ExitCode.Validation, stdout: '', stderr: 'error: two.yaml:11:13: spec.replicas: must be an integer\nerror: nothing changed: the valid document configmap/fine (two.yaml:1:1) was not used either\n' });
    expect(await runCli('get configmaps', env)).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  test('4 not found', async () => {
    const env = setup();
    expect(await runCli('get deployment web', env)).toEqual({ code: ExitCode.NotFound, stdout: '', stderr: 'error: deployments.apps "web" not found\n' });
  });

  test('5 conflict', async () => {
    const env = setup();
    await runCli('create namespace prod', env);
    expect(await runCli('create namespace prod', env)).toEqual({ code: ExitCode.Conflict, stdout: '', stderr: 'error: namespaces "prod" already exists\n' });
  });

  test('1 timeout, as kubectl', async () => {
    const env = setup();
    env.write('web.yaml', DEPLOYMENT('kctl-demo/web:v1'));
    await runCli('apply -f web.yaml', env);
    expect(await runCli('wait deployment/web --for=jsonpath={.status.readyReplicas}=5 --timeout=0', env)).toEqual({
      code: ExitCode.Timeout,
      stdout: '',
      stderr: 'error: timed out waiting for the condition on deployments/web\nhint: deployment.apps/web: {.status.readyReplicas} is 2, waiting for 5\n',
    });
  });

  describe('on the fake clock (the progress deadline is 1 s)', () => {
    useFakeClock();
    const kctl = (line: string, env: FakeCliEnv) => untilSettled(runCli(line, env));

    test('1 rollout failed, as kubectl', async () => {
      const env = setup();
      env.write('web.yaml', DEPLOYMENT('kctl-demo/web:v1'));
      await kctl('apply -f web.yaml', env);
      await kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false', env);
      expect(await kctl('rollout status deployment/web --timeout 60s', env)).toEqual({
        code: ExitCode.RolloutFailed,
        stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n',
        stderr: 'error: deployment "web" exceeded its progress deadline\n',
      });
    });

    test('6 rolled back automatically', async () => {
      const env = setup();
      env.write('web.yaml', DEPLOYMENT('kctl-demo/web:v1', "  annotations:\n    kctl.io/auto-rollback: 'true'\n"));
      await kctl('apply -f web.yaml', env);
      await kctl('set image deployment/web web=kctl-demo/web:v2 --wait=false', env);
      const result = await kctl('rollout status deployment/web --timeout 60s', env);
      expect(result.code).toBe(ExitCode.RolledBack);
      expect(result.stderr).toBe('warning: deployment "web" rolled back to revision 1: progress deadline exceeded\nerror: deployment "web" rollout failed (progress deadline exceeded) and was rolled back to revision 1\n');
    });
  });

  test('7 Docker unreachable', async () => {
    const env = setup();
    env.write('web.yaml', DEPLOYMENT('kctl-demo/web:v1'));
    env.runtime.setUnreachable(true);
    expect(await runCli('apply -f web.yaml', env)).toEqual({
      code: ExitCode.DockerUnreachable,
      stdout: 'deployment.apps/web created\n',
      stderr: 'error: cannot connect to the Docker engine at unix:///var/run/docker.sock: connect ENOENT /var/run/docker.sock\n',
    });
  });

  test('1 differences found (diff only); a failing diff exits above 1', async () => {
    const env = setup();
    env.write('web.yaml', DEPLOYMENT('kctl-demo/web:v1'));
    const found = await runCli('diff -f web.yaml', env);
    expect(found).toMatchObject({ code: ExitCode.DiffFound, stderr: '' });
    expect(found.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web /);
    await runCli('apply -f web.yaml', env);
    expect(await runCli('diff -f web.yaml', env)).toEqual({ code: ExitCode.Success, stdout: '', stderr: '' });
    env.write('broken.yaml', 'kind: [');
    const failed = await runCli('diff -f broken.yaml', env);
    expect(failed.code).toBe(ExitCode.Validation);
    env.runtime.setUnreachable(true);
    // a general error inside diff (here: the state file cannot be read) exits 2, never 1
    fs.writeFileSync(env.statePath, '{');
    const general = await runCli('diff -f web.yaml', env);
    expect(general.code).toBe(2);
    expect(general.stderr).toMatch(/^error: the state file .* is corrupt: /);
  });
});
