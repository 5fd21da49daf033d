import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ replicas: 1 }) });
  expect((await runCli('apply -f web.yaml', env)).code).toBe(0);
  return env;
}

describe('kctl events', () => {
  test('every event of the namespace, oldest first, in get events\' columns', async () => {
    const env = await setup();
    const out = await runCli('events', env);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(lines[1]).toMatch(/^\S+ +Normal +ScalingReplicaSet +deployment\/web +Scaled up replica set web-\w+ from 0 to 1$/);
    expect(lines.some((l) => / Normal +Started +pod\/web-\w+-\w+ +Started container web$/.test(l))).toBe(true);
  });

  test('--for one object, --types, -A and the messages when there are none', async () => {
    const env = await setup();
    const forDeployment = (await runCli('events --for deployment/web --no-headers', env)).stdout.trim().split('\n');
    expect(forDeployment.every((l) => l.includes(' deployment/web '))).toBe(true);
    expect(forDeployment.length).toBeGreaterThan(0);
    expect(await runCli('events --types Warning', env)).toEqual({ code: 0, stdout: '', stderr: 'No events found in default namespace.\n' });
    expect((await runCli('events --types=normal,Warning --no-headers', env)).stdout.trim().split('\n').length).toBeGreaterThan(forDeployment.length);
    expect((await runCli('-n other events', env)).stderr).toBe('No events found in other namespace.\n');
    expect((await runCli('events -A', env)).stdout).toMatch(/^NAMESPACE +LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\ndefault +/);
    expect((await runCli('events --for deploy/nothing', env)).stderr).toBe('No events found in default namespace.\n');
  });

  test('bad flags are usage errors', async () => {
    const env = await setup();
    expect(await runCli('events --types Error', env)).toEqual({ code: 2, stdout: '', stderr: 'error: valid --types are Normal, Warning\n' });
    expect(await runCli('events --for web', env)).toEqual({ code: 2, stdout: '', stderr: 'error: --for must be in resource/name form, not "web"\n' });
    expect((await runCli('events --for gadget/x', env)).code).toBe(2);
  });
});
