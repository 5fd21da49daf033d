import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const DEPLOYMENT = deploymentYaml({ containerExtra: 'env:\n- {name: A, value: "1"}' });

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': DEPLOYMENT });
  expect((await runCli('apply -f web.yaml', env)).code).toBe(0);
  return env;
}

const get = async (env: FakeCliEnv, path: string, ref = 'deployment/web') => (await runCli(['get', ref, '-o', `jsonpath={${path}}`], env)).stdout;

describe('kctl patch', () => {
  test('strategic (default): merges a container by name, rolls out the new template', async () => {
    const env = await setup();
    const patch = '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"kctl-demo/web:v2","env":[{"name":"B","value":"2"}]}]}}}}';
    expect(await runCli(['patch', 'deployment', 'web', '-p', patch], env)).toEqual({ code: 0, stdout: 'deployment.apps/web patched\n', stderr: '' });
    expect(await get(env, '.spec.template.spec.containers[0].env[*].name')).toBe('B A');
    expect(await get(env, '.metadata.generation')).toBe('2');
    expect(await get(env, '.items[*].spec.containers[0].image', 'pods')).toBe('kctl-demo/web:v2 kctl-demo/web:v2');
    expect(await runCli(['patch', 'deployment/web', '-p', patch], env)).toEqual({ code: 0, stdout: 'deployment.apps/web patched (no change)\n', stderr: '' });
    expect(await get(env, '.metadata.generation')).toBe('2');
  });

  test('YAML patches, --type merge replaces lists, --type json works on positions', async () => {
    const env = await setup();
    expect((await runCli(['patch', 'deploy', 'web', '-p', 'spec:\n  replicas: 3'], env)).stdout).toBe('deployment.apps/web patched\n');
    expect(await get(env, '.spec.replicas')).toBe('3');
    expect((await runCli(['patch', 'deploy', 'web', '--type', 'merge', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"kctl-demo/web:v1"}]}}}}'], env)).code).toBe(0);
    expect(await get(env, '.spec.template.spec.containers[0].env')).toBe('');
    const json = '[{"op":"replace","path":"/spec/replicas","value":1},{"op":"add","path":"/metadata/labels","value":{"tier":"front"}}]';
    expect(await runCli(['patch', 'deploy', 'web', '--type=json', '-p', json], env)).toEqual({ code: 0, stdout: 'deployment.apps/web patched\n', stderr: '' });
    expect(await get(env, '.spec.replicas')).toBe('1');
    expect(await get(env, '.metadata.labels.tier')).toBe('front');
  });

  test('--dry-run and -o print the result and change nothing; --local patches a file', async () => {
    const env = await setup();
    const out = await runCli(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":5}}', '--dry-run=client', '-o', 'jsonpath={.spec.replicas}'], env);
    expect(out).toEqual({ code: 0, stdout: '5', stderr: '' });
    expect(await get(env, '.spec.replicas')).toBe('2');
    expect(await runCli(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":5}}', '--dry-run'], env)).toEqual({ code: 0, stdout: 'deployment.apps/web patched (dry run)\n', stderr: '' });
    expect((await runCli(['patch', '-f', 'web.yaml', '--local', '-p', '{"spec":{"replicas":7}}', '-o', 'jsonpath={.spec.replicas}'], env)).stdout).toBe('7');
    expect(await get(env, '.spec.replicas')).toBe('2');
    expect(await runCli(['patch', '-f', 'web.yaml', '-p', '{"spec":{"replicas":4}}'], env)).toEqual({ code: 0, stdout: 'deployment.apps/web patched\n', stderr: '' });
    expect(await get(env, '.spec.replicas')).toBe('4');
  });

  test('an invalid result is refused like apply refuses it, at its line in a patch file, and nothing changes', async () => {
    const env = await setup();
    expect(await runCli(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":-1}}'], env)).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    });
    env.write('p.yaml', 'spec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: ""\n');
    const fromFile = await runCli(['patch', 'deploy', 'web', '--patch-file', 'p.yaml'], env);
    expect(fromFile.code).toBe(3);
    expect(fromFile.stderr).toMatch(/^error: p\.yaml:6:9: spec\.template\.spec\.containers\[0\]\.image: /);
    env.write('ops.json', '[\n  {"op": "replace", "path": "/spec/replicas", "value": "two"}\n]\n');
    const json = await runCli(['patch', 'deploy', 'web', '--type', 'json', '--patch-file', 'ops.json'], env);
    expect(json.code).toBe(3);
    expect(json.stderr).toMatch(/^error: ops\.json:2:47: spec\.replicas: /);
    expect(await get(env, '.metadata.generation')).toBe('1');
  });

  test("a hostPath volume is refused by Pod Security admission as apply's would be", async () => {
    const env = await setup();
    const patch = '{"spec":{"template":{"spec":{"volumes":[{"name":"docker","hostPath":{"path":"/var/run/docker.sock"}}]}}}}';
    const out = await runCli(['patch', 'deploy', 'web', '-p', patch], env);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('deployments.apps "web" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "docker")');
    expect(await get(env, '.spec.template.spec.volumes')).toBe('');
  });

  test('usage errors and refusals, in kubectl words, change nothing', async () => {
    const env = await setup();
    const fails = async (args: string[], code: number, stderr: string) => expect(await runCli(args, env)).toEqual({ code, stdout: '', stderr });
    await fails(['patch', 'deploy', 'web'], 2, 'error: must specify --patch or --patch-file containing the contents of the patch\n');
    await fails(['patch', 'deploy', 'web', '--type', 'xml', '-p', '{}'], 2, 'error: --type must be one of [json merge strategic], not "xml"\n');
    await fails(['patch', 'deploy', 'nothere', '-p', '{}'], 4, 'error: deployments.apps "nothere" not found\n');
    await fails(['patch', 'deploy', 'web', '-p', '{"spec": '], 3, expect.stringMatching(/^error: unable to parse "\{"spec": ": /) as unknown as string);
    await fails(['patch', 'deploy', 'web', '-p', '{"metadata":{"name":"other"}}'], 1, 'error: deployments.apps "web": a patch cannot change apiVersion, kind, metadata.name or metadata.namespace\n');
    await fails(['patch', 'deploy', 'web', '-p', '{"metadata":{"resourceVersion":"1"}}'], 5, 'error: Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n');
    await fails(['patch', 'deploy', 'web', '--type', 'json', '-p', '[{"op":"remove","path":"/spec/nothere"}]'], 1, 'error: deployments.apps "web": unable to apply the json patch: operation 1 (remove /spec/nothere): the path does not exist\n');
    await fails(['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'], 1, 'error: deployments.apps "web": unable to apply the strategic patch: a list element has no merge key "name": {"image":"x"}\n');
    const event = (await runCli('get events -o name', env)).stdout.split('\n')[0];
    await fails(['patch', event, '-p', '{"message":"x"}'], 1, expect.stringContaining('the server does not allow this method on the requested resource') as unknown as string);
    expect(await get(env, '.metadata.generation')).toBe('1');
  });

  test("a running pod's labels can be patched: its stored status passes the checks and is kept", async () => {
    const env = await setup();
    const pod = (await runCli('get pods -o name', env)).stdout.split('\n')[0];
    expect(await runCli(['patch', pod, '-p', '{"metadata":{"labels":{"debug":"yes"}}}'], env)).toEqual({ code: 0, stdout: `${pod} patched\n`, stderr: '' });
    expect(await get(env, '.metadata.labels.debug', pod)).toBe('yes');
    expect(await get(env, '.status.phase', pod)).toBe('Running');
  });
});
