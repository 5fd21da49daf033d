import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: one}
spec:
  terminationGracePeriodSeconds: 45
  containers:
  - {name: app, image: kctl-demo/web:v1}
`;

async function running(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'pod.yaml': POD });
  expect((await runCli('apply -f pod.yaml', env)).code).toBe(0);
  return env;
}

const WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

describe('kctl delete --grace-period / --now / --force', () => {
  test("without a flag the pod's own grace period stops its container", async () => {
    const env = await running();
    expect(await runCli('delete pod one', env)).toEqual({ code: 0, stdout: 'pod "one" deleted\n', stderr: '' });
    expect(env.runtime.stopGraces).toEqual([45]);
  });

  test('--force stops at once and says so, as kubectl', async () => {
    const env = await running();
    expect(await runCli('delete pod one --force', env)).toEqual({ code: 0, stdout: 'pod "one" force deleted\n', stderr: WARNING });
    expect(env.runtime.stopGraces).toEqual([0]);
    expect((await runCli('get pods -o name', env)).stdout).toBe('');
  });

  test('--grace-period=N, --now, and 0 without --force (which becomes 1)', async () => {
    for (const [flags, grace] of [['--grace-period=5', 5], ['--now', 1], ['--grace-period=0', 1], ['--grace-period=0 --force', 0]] as const) {
      const env = await running();
      expect((await runCli(`delete pod one ${flags}`, env)).code).toBe(0);
      expect(env.runtime.stopGraces).toEqual([grace]);
    }
  });

  test('refusals', async () => {
    const env = await running();
    expect(await runCli('delete pod one --now --grace-period=3', env)).toEqual({ code: 2, stdout: '', stderr: 'error: --now and --grace-period cannot be specified together\n' });
    expect(await runCli('delete pod one --grace-period=soon', env)).toEqual({ code: 2, stdout: '', stderr: 'error: invalid argument "soon" for "--grace-period" flag: must be an integer number of seconds\n' });
    expect((await runCli('get pods -o name', env)).stdout).toBe('pod/one\n');
  });
});
