import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli } from '../helpers/cli';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const annotations = async (env: ReturnType<typeof fakeCliEnv>, ref: string) => JSON.parse((await runCli(['get', ref, '-o', 'json'], env)).stdout).metadata.annotations ?? {};

describe('kctl create -f', () => {
  test('creates every object in the files and converges; one that exists already refuses them all', async () => {
    const env = fakeCliEnv({ 'web.yaml': deploymentYaml(), 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: b}\n' });
    expect(await runCli('create -f web.yaml -f cm.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web created\nconfigmap/cfg created\n', stderr: '' });
    expect((await runCli(['get', 'deployment/web', '-o', 'jsonpath={.status.readyReplicas}'], env)).stdout).toBe('2');
    env.write('more.yaml', deploymentYaml({ name: 'api' }) + '---\n' + deploymentYaml());
    expect(await runCli('create -f more.yaml', env)).toEqual({ code: 5, stdout: '', stderr: 'error: deployments.apps "web" already exists\n' });
    expect((await runCli('get deployment api', env)).code).toBe(4);
    expect(await runCli('create', env)).toEqual({ code: 2, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
  });

  test('no last-applied record unless --save-config; a later apply warns as kubectl does and records it', async () => {
    const env = fakeCliEnv({ 'web.yaml': deploymentYaml() });
    expect((await runCli('create -f web.yaml --wait=false', env)).code).toBe(0);
    expect(await annotations(env, 'deployment/web')).not.toHaveProperty([LAST_APPLIED]);
    const applied = await runCli('apply -f web.yaml --wait=false', env);
    expect(applied.stderr).toBe(`Warning: resource deployments/web is missing the ${LAST_APPLIED} annotation which is required by kctl apply. kctl apply should only be used on resources created declaratively by either kctl create --save-config or kctl apply. The missing annotation will be patched automatically.\n`);
    expect(await annotations(env, 'deployment/web')).toHaveProperty([LAST_APPLIED]);
    expect((await runCli('apply -f web.yaml --wait=false', env)).stderr).toBe('');

    expect((await runCli('create configmap saved --from-literal=a=b --save-config', env)).stdout).toBe('configmap/saved created\n');
    expect(await annotations(env, 'configmap/saved')).toHaveProperty([LAST_APPLIED]);
    // A client dry run consults nothing stored, as kubectl sends nothing; a server dry run finds no namespace.
    expect(await runCli('create -f web.yaml --dry-run=client -n other', env)).toEqual({ code: 0, stdout: 'deployment.apps/web created (dry run)\n', stderr: '' });
    expect((await runCli('create -f web.yaml --dry-run=server -n other', env)).code).toBe(4);
  });

  test('the subcommands keep their flags after the subcommand name', async () => {
    const env = fakeCliEnv();
    expect(await runCli('create namespace team --dry-run=client -o name', env)).toEqual({ code: 0, stdout: 'namespace/team\n', stderr: '' });
    expect((await runCli('get namespace team', env)).code).toBe(4);
  });
});
