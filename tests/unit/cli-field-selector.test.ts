import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const pod = (name: string, script: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  restartPolicy: Never
  containers:
  - {name: app, image: kctl-demo/web:v1, command: [sh, -c, '${script}']}
`;

async function threePods(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({
    'pods.yaml': [pod('ok', 'exit 0'), pod('bad', 'exit 1'), pod('serves', 'true; sleep')].join('---\n'),
  });
  // Pods that run to an end do not converge as Running: apply reports on them, the state holds their phases.
  await runCli('apply -f pods.yaml --wait=false', env);
  await runCli('get pods', env);
  return env;
}

describe('kctl get/delete --field-selector', () => {
  test('selects by the fields the API server has for the kind, with = == and !=, several terms ANDed', async () => {
    const env = await threePods();
    expect((await runCli('get pods -o name --field-selector status.phase=Failed', env)).stdout).toBe('pod/bad\n');
    expect((await runCli('get pods -o name --field-selector status.phase!=Failed,metadata.name!=ok', env)).stdout).toBe('pod/serves\n');
    expect((await runCli('get pods -o name --field-selector metadata.name==ok', env)).stdout).toBe('pod/ok\n');
    expect((await runCli('get pods -o name --field-selector spec.restartPolicy=Always', env))).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    await runCli('create service clusterip inside --tcp=80', env);
    await runCli('create service nodeport outside --tcp=80', env);
    expect((await runCli('get services -o name --field-selector spec.type=NodePort,metadata.namespace=default', env)).stdout).toBe('service/outside\n');
  });

  test('events by the object they are about', async () => {
    const env = await threePods();
    const reasons = (await runCli('get events --field-selector involvedObject.name=bad,involvedObject.kind=Pod -o jsonpath={.items[*].involvedObject.name}', env)).stdout.split(' ');
    expect(reasons.length).toBeGreaterThan(0);
    expect(new Set(reasons)).toEqual(new Set(['bad']));
  });

  test('delete pods --field-selector status.phase=Failed deletes only those', async () => {
    const env = await threePods();
    expect(await runCli('delete pods --field-selector status.phase=Failed', env)).toMatchObject({ code: 0, stdout: 'pod "bad" deleted\n' });
    expect((await runCli('get pods -o name', env)).stdout).toBe('pod/ok\npod/serves\n');
  });

  test('a field the kind has not is refused, as the API server does, and nothing is deleted', async () => {
    const env = await threePods();
    const refused = await runCli('delete pods --field-selector spec.containers=x', env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: field label not supported: spec.containers\n.*pods can be selected by metadata.name, metadata.namespace, spec.nodeName/);
    expect((await runCli('get configmaps --field-selector data=x', env)).stderr).toMatch(/^error: field label not supported: data\n/);
    expect((await runCli('get pods --field-selector status.phase', env))).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: invalid selector: 'status.phase'; can't understand 'status.phase'\n/) });
    expect((await runCli('get pods -o name', env)).stdout).toBe('pod/bad\npod/ok\npod/serves\n');
  });
});
