import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ containerExtra: 'env:\n- {name: A, value: "1"}' }) });
  expect((await runCli('apply -f web.yaml', env)).code).toBe(0);
  expect((await runCli('create configmap cfg --from-literal=log.level=debug --from-literal=port=80', env)).code).toBe(0);
  return env;
}

const envOf = async (env: FakeCliEnv) => (await runCli('get deployment/web -o jsonpath={.spec.template.spec.containers[0].env}', env)).stdout;

describe('kctl set env', () => {
  test('sets, replaces and removes variables; a second identical run prints nothing', async () => {
    const env = await setup();
    expect(await runCli('set env deployment/web B=2 A=one', env)).toEqual({ code: 0, stdout: 'deployment.apps/web env updated\n', stderr: '' });
    expect(await envOf(env)).toBe('[{"name":"A","value":"one"},{"name":"B","value":"2"}]');
    expect(await runCli('get deployment/web -o jsonpath={.metadata.generation}', env)).toMatchObject({ stdout: '2' });
    expect(await runCli('set env deployment/web B=2', env)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli('set env deploy web A- -e C=3', env)).toEqual({ code: 0, stdout: 'deployment.apps/web env updated\n', stderr: '' });
    expect(await envOf(env)).toBe('[{"name":"B","value":"2"},{"name":"C","value":"3"}]');
  });

  test('--from a ConfigMap adds references named as kubectl names them; --list shows them', async () => {
    const env = await setup();
    expect((await runCli('set env deployment/web --from=configmap/cfg --prefix=app-', env)).code).toBe(0);
    expect(await runCli('set env deployment/web --list', env)).toEqual({
      code: 0,
      stdout: '# apps/v1, Resource=deployments web, container web\nA=1\n# APP_LOG_LEVEL from configmap cfg, key log.level\n# APP_PORT from configmap cfg, key port\n',
      stderr: '',
    });
  });

  test('refusals change nothing', async () => {
    const env = await setup();
    const fails = async (line: string, code: number, stderr: string) => expect(await runCli(line, env)).toEqual({ code, stdout: '', stderr });
    await fails('set env deployment/web', 2, 'error: at least one environment variable must be provided\n');
    await fails('set env deployment/web A=2 --overwrite=false', 1, `error: 'A' already has a value in container "web", and --overwrite is false\n`);
    await fails('set env deployment/web X=1 -c nothere', 1, 'error: unable to find container named "nothere"\n');
    await fails('set env deployment/web --from=configmap/none', 4, 'error: configmaps "none" not found\n');
    await fails('set env deployment/web 1BAD=x', 3, expect.stringMatching(/^error: The Deployment "web" is invalid: spec\.template\.spec\.containers\[0\]\.env\[1\]\.name: Invalid value: "1BAD"/) as unknown as string);
    await fails('set env configmap/cfg X=1', 2, expect.stringMatching(/^error: cannot set the environment of configmaps: only /) as unknown as string);
    expect(await envOf(env)).toBe('[{"name":"A","value":"1"}]');
  });
});
