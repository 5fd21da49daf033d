import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web, labels: {tier: front}}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ replicas: 2 }), 'svc.yaml': SERVICE });
  expect((await runCli('apply -f web.yaml -f svc.yaml', env)).code).toBe(0);
  return env;
}

const get = async (env: FakeCliEnv, ref: string, path: string) => (await runCli(['get', ref, '-o', `jsonpath={${path}}`], env)).stdout;

describe('kctl replace', () => {
  test('the file takes the place of the stored object as a whole: what other commands set is gone', async () => {
    const env = await setup();
    expect((await runCli('scale deployment/web --replicas=3', env)).code).toBe(0);
    expect((await runCli('annotate deployment/web note=kept-by-apply', env)).code).toBe(0);
    env.write('new.yaml', deploymentYaml({ image: 'kctl-demo/web:v2' }).replace('  replicas: 2\n', ''));
    expect(await runCli('replace -f new.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web replaced\n', stderr: '' });
    // No merge: replicas left out are the default again, the annotation and last-applied are gone (the
    // revision is the controller's, set again).
    expect(await get(env, 'deployment/web', '.spec.replicas')).toBe('1');
    expect(await get(env, 'deployment/web', '.metadata.annotations')).toBe('{"deployment.kubernetes.io/revision":"2"}');
    expect(await get(env, 'deployment/web', '.metadata.generation')).toBe('3');
    expect(await get(env, 'pods', '.items[*].spec.containers[0].image')).toBe('kctl-demo/web:v2');
  });

  test('a Service keeps the cluster IP it was given; labels are the file\'s', async () => {
    const env = await setup();
    const ip = await get(env, 'service/web', '.spec.clusterIP');
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    env.write('svc2.yaml', SERVICE.replace('labels: {tier: front}', 'labels: {tier: back}'));
    expect((await runCli('replace -f svc2.yaml -o name', env)).stdout).toBe('service/web\n');
    expect(await get(env, 'service/web', '.spec.clusterIP')).toBe(ip);
    expect(await get(env, 'service/web', '.metadata.labels.tier')).toBe('back');
  });

  test('an object that is not stored, a stale resourceVersion and an invalid file are refused; nothing changes', async () => {
    const env = await setup();
    env.write('other.yaml', deploymentYaml({ name: 'other' }));
    expect(await runCli('replace -f other.yaml', env)).toEqual({ code: 4, stdout: '', stderr: 'error: deployments.apps "other" not found\n' });
    const stored = (await runCli('get deployment web -o yaml', env)).stdout;
    env.write('stale.yaml', stored.replace(/resourceVersion: "(\d+)"/, 'resourceVersion: "1"').replace('replicas: 2', 'replicas: 5'));
    expect(await runCli('replace -f stale.yaml', env)).toEqual({
      code: 5,
      stdout: '',
      stderr: 'error: Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
    });
    env.write('current.yaml', stored.replace('replicas: 2', 'replicas: 4'));
    expect((await runCli('replace -f current.yaml', env)).code).toBe(0);
    expect(await get(env, 'deployment/web', '.spec.replicas')).toBe('4');
    env.write('bad.yaml', deploymentYaml({ replicas: -1 }));
    const bad = await runCli('replace -f bad.yaml', env);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/^error: bad\.yaml:\d+:\d+: spec\.replicas: /);
    expect(await get(env, 'deployment/web', '.spec.replicas')).toBe('4');
    expect(await runCli('replace', env)).toEqual({ code: 2, stdout: '', stderr: 'error: must specify --filename to replace\n' });
  });

  test('--force deletes and creates anew (a new uid), also when the object is not there yet', async () => {
    const env = await setup();
    const uid = await get(env, 'deployment/web', '.metadata.uid');
    expect(await runCli('replace --force -f web.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps "web" deleted\ndeployment.apps/web replaced\n', stderr: '' });
    const after = await get(env, 'deployment/web', '.metadata.uid');
    expect(after).not.toBe(uid);
    expect(after).not.toBe('');
    expect(await get(env, 'deployment/web', '.status.readyReplicas')).toBe('2');
    env.write('other.yaml', deploymentYaml({ name: 'other', replicas: 1 }));
    expect(await runCli('replace --force -f other.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/other replaced\n', stderr: '' });
    expect(await runCli('replace --grace-period=3 -f web.yaml', env)).toEqual({ code: 2, stdout: '', stderr: 'error: --grace-period must have --force specified\n' });
  });

  test('--dry-run prints and changes nothing', async () => {
    const env = await setup();
    env.write('five.yaml', deploymentYaml({ replicas: 5 }));
    expect(await runCli('replace -f five.yaml --dry-run=client', env)).toEqual({ code: 0, stdout: 'deployment.apps/web replaced (dry run)\n', stderr: '' });
    expect(await get(env, 'deployment/web', '.spec.replicas')).toBe('2');
  });
});
