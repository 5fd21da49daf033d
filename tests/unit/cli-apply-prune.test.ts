import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const configMap = (name: string, labels = '{app: shop}') => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: ${labels}}\ndata: {k: v}\n`;
const labelled = (name: string) => deploymentYaml({ name, replicas: 1 }).replace(`  name: ${name}\n`, `  name: ${name}\n  labels: {app: shop}\n`);

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({
    'all/web.yaml': labelled('web'),
    'all/old.yaml': labelled('old'),
    'all/cm.yaml': configMap('settings'),
    'other.yaml': configMap('unlabelled', '{team: x}'),
  });
  expect((await runCli('apply -f all -f other.yaml', env)).code).toBe(0);
  expect((await runCli('create configmap made-by-create', env)).code).toBe(0);
  expect((await runCli('label configmap made-by-create app=shop', env)).code).toBe(0);
  return env;
}

const names = async (env: FakeCliEnv, kind: string) => (await runCli(['get', kind, '-o', 'jsonpath={.items[*].metadata.name}'], env)).stdout;

describe('kctl apply --prune', () => {
  test('objects an earlier apply made, matching -l and no longer in the files, are deleted after the apply', async () => {
    const env = await setup();
    env.remove('all/old.yaml');
    env.remove('all/cm.yaml');
    expect(await runCli('apply --prune -l app=shop -f all', env)).toEqual({
      code: 0,
      stdout: 'deployment.apps/web unchanged\nconfigmap/settings pruned\ndeployment.apps/old pruned\n',
      stderr: '',
    });
    expect(await names(env, 'deployments')).toBe('web');
    // Kept: one not labelled, and one labelled but made by `kctl create` (no last-applied record).
    expect(await names(env, 'configmaps')).toBe('made-by-create unlabelled');
    expect(await names(env, 'pods')).toMatch(/^web-[a-z0-9]+-[a-z0-9]+$/);
  });

  test('--dry-run names what would be pruned and deletes nothing; --prune-allowlist narrows the kinds', async () => {
    const env = await setup();
    env.remove('all/old.yaml');
    env.remove('all/cm.yaml');
    expect((await runCli('apply --prune -l app=shop -f all --dry-run=client', env)).stdout).toBe('deployment.apps/web unchanged (dry run)\nconfigmap/settings pruned (dry run)\ndeployment.apps/old pruned (dry run)\n');
    expect(await names(env, 'deployments')).toBe('old web');
    expect((await runCli('apply --prune -l app=shop --prune-allowlist=apps/v1/Deployment -f all', env)).stdout).toBe('deployment.apps/web unchanged\ndeployment.apps/old pruned\n');
    expect(await names(env, 'configmaps')).toContain('settings');
  });

  test('--prune needs -l or --all; bad allow-list entries are refused before anything is applied', async () => {
    const env = await setup();
    env.write('all/web.yaml', labelled('web').replace('replicas: 1', 'replicas: 3'));
    expect(await runCli('apply --prune -f all', env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n',
    });
    expect((await runCli('apply --prune --all --prune-allowlist=Deployment -f all', env)).stderr).toBe('error: invalid GroupVersionKind format: Deployment, please follow <group/version/kind>\n');
    expect((await runCli('apply --prune --all --prune-allowlist=apps/v1/PetSet -f all', env)).stderr).toBe('error: the server doesn\'t have a resource type "PetSet" in apps/v1\n');
    expect((await runCli('apply --prune-allowlist=core/v1/ConfigMap -f all', env)).stderr).toBe('error: --prune-allowlist requires --prune\n');
    expect((await runCli(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}'], env)).stdout).toBe('1');
  });

  test('--all prunes every applied object of the allowed kinds in the namespaces applied to', async () => {
    const env = await setup();
    env.write('only.yaml', configMap('settings'));
    const out = await runCli('apply --prune --all -f only.yaml', env);
    expect(out.stdout).toBe('configmap/settings unchanged\nconfigmap/unlabelled pruned\ndeployment.apps/old pruned\ndeployment.apps/web pruned\n');
    expect(await names(env, 'deployments')).toBe('');
  });
});
