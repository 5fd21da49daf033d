import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const GUIDE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`;

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ replicas: 2 }), 'web3.yaml': deploymentYaml({ replicas: 3 }), 'web3v2.yaml': deploymentYaml({ replicas: 3, image: 'kctl-demo/web:v2' }) });
  expect(await runCli('apply --server-side -f web.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web serverside-applied\n', stderr: '' });
  return env;
}

const json = async (env: FakeCliEnv, extra = '') => JSON.parse((await runCli(`get deployment web -o json ${extra}`, env)).stdout);

describe('kctl apply --server-side', () => {
  test('applies as a field manager: serverside-applied, no last-applied record, managedFields hidden unless asked', async () => {
    const env = await setup();
    const shown = await json(env);
    expect(shown.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    expect(shown.metadata.managedFields).toBeUndefined();
    const owners = (await json(env, '--show-managed-fields')).metadata.managedFields;
    expect(owners).toEqual([expect.objectContaining({ manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' })]);
    expect(owners[0].fieldsV1['f:spec']['f:replicas']).toEqual({});
    expect(await runCli('apply --server-side -f web3.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web serverside-applied\n', stderr: '' });
    expect((await json(env)).spec.replicas).toBe(3);
  });

  test('another manager changing a field it does not own is a conflict, in the API server\'s words; --force-conflicts takes it over', async () => {
    const env = await setup();
    expect(await runCli('apply --server-side --field-manager=ci -f web3.yaml', env)).toEqual({
      code: 5,
      stdout: '',
      stderr: `error: Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas\n${GUIDE}`,
    });
    expect((await runCli('apply --server-side --field-manager=ci -f web3v2.yaml', env)).stderr).toMatch(/^error: Apply failed with 2 conflicts: conflicts with "kubectl" using apps\/v1:\n- \.spec\.replicas\n- \.spec\.template\.spec\.containers\n/);
    expect((await json(env)).spec.replicas).toBe(2);
    // The same value is no conflict (co-ownership).
    expect((await runCli('apply --server-side --field-manager=ci -f web.yaml', env)).code).toBe(0);
    expect(await runCli('apply --server-side --field-manager=ci --force-conflicts -f web3.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web serverside-applied\n', stderr: '' });
    expect((await json(env)).spec.replicas).toBe(3);
    // Taken over: now kubectl's own apply of another value conflicts with ci.
    expect((await runCli('apply --server-side -f web.yaml', env)).stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "ci" using apps\/v1: \.spec\.replicas\n/);
  });

  test('flags checked as kubectl checks them; a server dry run changes nothing', async () => {
    const env = await setup();
    expect(await runCli('apply --server-side --dry-run=client -f web3.yaml', env)).toEqual({ code: 2, stdout: '', stderr: "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n" });
    expect(await runCli('apply --force-conflicts -f web3.yaml', env)).toEqual({ code: 2, stdout: '', stderr: 'error: --force-conflicts only works with --server-side\n' });
    expect(await runCli('apply --server-side --dry-run=server -f web3.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web serverside-applied (server dry run)\n', stderr: '' });
    expect((await json(env)).spec.replicas).toBe(2);
  });
});
