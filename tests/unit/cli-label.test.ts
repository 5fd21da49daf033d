import * as fs from 'fs';
import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

async function setup(): Promise<CliEnv> {
  const dir = tempDir();
  const env = { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
  expect((await runCli('create deployment web --image kctl-demo/web:v1 --replicas 2', env)).code).toBe(0);
  return env;
}

const labelsOf = async (env: CliEnv, ref = 'deployment/web') => (await runCli(`get ${ref} -o jsonpath={.metadata.labels}`, env)).stdout;

describe('kctl label', () => {
  test('adds, refuses to overwrite without --overwrite, overwrites, removes', async () => {
    const env = await setup();
    expect(await runCli('label deployment/web tier=front', env)).toEqual({ code: 0, stdout: 'deployment.apps/web labeled\n', stderr: '' });
    expect(await runCli('label deployment web tier=back', env)).toEqual({ code: 1, stdout: '', stderr: "error: 'tier' already has a value (front), and --overwrite is false\n" });
    expect(await runCli('label deployment web tier=back --overwrite', env)).toEqual({ code: 0, stdout: 'deployment.apps/web labeled\n', stderr: '' });
    expect(await labelsOf(env)).toBe('{"app":"web","tier":"back"}');
    expect(await runCli('label deploy web tier=back', env)).toEqual({ code: 0, stdout: 'deployment.apps/web not labeled\n', stderr: '' });
    expect(await runCli('label deploy web tier- nothere-', env)).toEqual({ code: 0, stdout: 'label "nothere" not found.\ndeployment.apps/web unlabeled\n', stderr: '' });
    expect(await labelsOf(env)).toBe('{"app":"web"}');
  });

  test('-l and --all select objects; --list prints labels', async () => {
    const env = await setup();
    const pods = (await runCli('get pods -o name', env)).stdout.trim().split('\n');
    expect(await runCli('label pods -l app=web canary=yes', env)).toEqual({ code: 0, stdout: pods.map((p) => `${p} labeled\n`).join(''), stderr: '' });
    expect(await runCli('label pods --all canary-', env)).toEqual({ code: 0, stdout: pods.map((p) => `${p} unlabeled\n`).join(''), stderr: '' });
    expect(await runCli('label deployment/web --list', env)).toEqual({ code: 0, stdout: 'app=web\n', stderr: '' });
    const hash = pods[0].split('-')[1];
    expect((await runCli('label pods --all --list', env)).stdout).toBe(pods.map((p) => `Listing labels for Pod/${p.slice(4)}:\n app=web\n pod-template-hash=${hash}\n`).join(''));
  });

  test('errors: invalid keys and values, nothing to do, not found', async () => {
    const env = await setup();
    expect(await runCli('label deploy web Bad_Key!=x', env)).toEqual({
      code: 3,
      stdout: '',
      stderr: `error: metadata.labels: Invalid value: "Bad_Key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character\n`,
    });
    expect(await runCli('label deploy web a=b!', env)).toEqual({
      code: 3,
      stdout: '',
      stderr: `error: invalid label value: "a=b!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character\n`,
    });
    expect(await runCli('label deploy web', env)).toEqual({ code: 2, stdout: '', stderr: 'error: at least one label update is required\n' });
    expect(await runCli('label deploy web a=b a-', env)).toEqual({ code: 2, stdout: '', stderr: 'error: can not both modify and remove a label in the same command\n' });
    expect(await runCli('label deploy a=b', env)).toEqual({ code: 2, stdout: '', stderr: 'error: resource(s) were provided, but no name was specified\n' });
    expect(await runCli('label deploy nothere a=b', env)).toEqual({ code: 4, stdout: '', stderr: 'error: deployments.apps "nothere" not found\n' });
    expect(await labelsOf(env)).toBe('{"app":"web"}');
  });
});
