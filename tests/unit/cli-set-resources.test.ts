import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ containerExtra: 'resources: {limits: {memory: 128Mi}}' }) });
  expect((await runCli('apply -f web.yaml', env)).code).toBe(0);
  return env;
}

const get = async (env: FakeCliEnv, path: string) => (await runCli(['get', 'deployment/web', '-o', `jsonpath={${path}}`], env)).stdout;

describe('kctl set resources', () => {
  test('sets the names given, keeps the others, rolls out; unchanged objects are not printed', async () => {
    const env = await setup();
    expect(await runCli('set resources deployment web --limits=cpu=200m --requests=cpu=100m,memory=64Mi', env)).toEqual({ code: 0, stdout: 'deployment.apps/web resource requirements updated\n', stderr: '' });
    expect(await get(env, '.spec.template.spec.containers[0].resources')).toBe('{"limits":{"cpu":"200m","memory":"128Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}');
    expect(await get(env, '.metadata.generation')).toBe('2');
    expect((await runCli(['get', 'pods', '-o', 'jsonpath={.items[*].spec.containers[0].resources.limits.cpu}'], env)).stdout).toBe('200m 200m');
    expect(await runCli('set resources deployment/web --limits=cpu=200m', env)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await get(env, '.metadata.generation')).toBe('2');
  });

  test('-c picks containers by name or glob; a name that matches none is an error', async () => {
    const env = await setup();
    expect((await runCli('set resources deployment/web -c we* --limits=memory=256Mi', env)).stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(await get(env, '.spec.template.spec.containers[0].resources.limits.memory')).toBe('256Mi');
    expect(await runCli('set resources deployment/web -c db --limits=memory=1Gi', env)).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find container named "db"\n' });
  });

  test('bad input is refused in kubectl\'s words and changes nothing', async () => {
    const env = await setup();
    expect(await runCli('set resources deployment/web', env)).toEqual({ code: 2, stdout: '', stderr: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n' });
    expect(await runCli('set resources deployment/web --limits=cpu=lots', env)).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: lots: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n",
    });
    expect((await runCli('set resources deployment/web --limits=cpu', env)).stderr).toBe('error: invalid argument syntax cpu\n');
    const over = await runCli('set resources deployment/web --requests=memory=1Gi', env);
    expect(over.code).toBe(3);
    expect(over.stderr).toBe('error: The Deployment "web" is invalid: spec.template.spec.containers[0].resources.requests.memory: Invalid value: "1Gi": must be less than or equal to memory limit of 128Mi\n');
    expect(await get(env, '.spec.template.spec.containers[0].resources')).toBe('{"limits":{"memory":"128Mi"}}');
    expect(await get(env, '.metadata.generation')).toBe('1');
    expect((await runCli('set resources configmap/x --limits=cpu=1', env)).code).toBe(2);
  });
});

describe('kctl set serviceaccount', () => {
  test('records serviceAccountName in the template, with a warning that one host has no service accounts', async () => {
    const env = await setup();
    const warning = 'Warning: serviceAccountName is recorded and ignored by kctl (one Docker host: no service accounts or API tokens)\n';
    expect(await runCli('set serviceaccount deployment web builder', env)).toEqual({ code: 0, stdout: 'deployment.apps/web serviceaccount updated\n', stderr: warning });
    expect(await get(env, '.spec.template.spec.serviceAccountName')).toBe('builder');
    expect(await runCli('set sa deployment/web builder', env)).toEqual({ code: 0, stdout: '', stderr: warning });
    expect(await runCli('set sa deployment/web', env)).toEqual({ code: 2, stdout: '', stderr: 'error: serviceaccount is required\n' });
  });
});
