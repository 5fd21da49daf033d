import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';

const IMAGE = '--image=kctl-test/busybox';

async function setup(): Promise<{ env: FakeCliEnv; pod: string }> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ replicas: 1 }) });
  expect((await runCli('apply -f web.yaml', env)).code).toBe(0);
  const pod = (await runCli(['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}'], env)).stdout;
  return { env, pod };
}

const get = async (env: FakeCliEnv, pod: string, path: string) => (await runCli(['get', 'pod', pod, '-o', `jsonpath={${path}}`], env)).stdout;

describe('kctl debug: an ephemeral container in a running pod', () => {
  test('runs once in the pod, shows in its statuses, logs and describe; the pod itself is untouched', async () => {
    const { env, pod } = await setup();
    expect(await runCli(['debug', pod, IMAGE, '-c', 'dbg', '--', 'sh', '-c', 'echo from-debug'], env)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await get(env, pod, '.spec.ephemeralContainers[0].name}/{.spec.ephemeralContainers[0].command[2]')).toBe('dbg/echo from-debug');
    expect((await runCli('reconcile --wait=false', env)).code).toBe(0);
    expect(await runCli(['logs', pod, '-c', 'dbg'], env)).toEqual({ code: 0, stdout: 'from-debug\n', stderr: '' });
    expect(await get(env, pod, '.status.ephemeralContainerStatuses[0].state.terminated.exitCode')).toBe('0');
    // Never restarted, however often the pod is reconciled; the app container goes on as it was.
    expect((await runCli('reconcile --wait=false', env)).code).toBe(0);
    expect(await get(env, pod, '.status.ephemeralContainerStatuses[0].restartCount}/{.status.containerStatuses[0].restartCount}/{.status.phase')).toBe('0/0/Running');
    expect((await runCli(['describe', 'pod', pod], env)).stdout).toMatch(/\nEphemeral Containers:\n  dbg:\n/);
    expect((await runCli(['logs', pod], env)).stderr).toBe('Defaulted container "web" out of: web, dbg (ephem)\n');
  });

  test('a generated name, --target, and -i attaching with kctl\'s stdin', async () => {
    const { env, pod } = await setup();
    const out = await runCli(['debug', pod, '-i', IMAGE, '--target=web', '--', 'cat'], env, 'hi\n');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('hi\n');
    expect(out.stderr).toMatch(
      /^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.\nTargeting container "web"\. If you don't see processes from this container it may be because the container runtime doesn't support this feature\.\nIf you don't see a command prompt, try pressing enter\.\n$/,
    );
    expect(await get(env, pod, '.spec.ephemeralContainers[0].targetContainerName}/{.spec.ephemeralContainers[0].stdin')).toBe('web/true');
  });

  test('refused in kubectl\'s words, changing nothing', async () => {
    const { env, pod } = await setup();
    expect((await runCli(['debug', pod, IMAGE, '-c', 'dbg'], env)).code).toBe(0);
    expect(await runCli(['debug', pod, IMAGE, '-c', 'dbg'], env)).toEqual({ code: 3, stdout: '', stderr: `error: Pod "${pod}" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "dbg"\n` });
    expect(await runCli(['debug', pod, IMAGE, '-c', 'web'], env)).toEqual({ code: 3, stdout: '', stderr: `error: Pod "${pod}" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "web"\n` });
    expect(await runCli(['debug', pod, IMAGE, '--target=db'], env)).toEqual({ code: 3, stdout: '', stderr: `error: Pod "${pod}" is invalid: spec.ephemeralContainers[1].targetContainerName: Not found: "db"\n` });
    expect(await runCli(['debug', pod], env)).toEqual({ code: 2, stdout: '', stderr: 'error: --image is required\n' });
    expect(await runCli(['debug', pod, IMAGE, '-t'], env)).toEqual({ code: 2, stdout: '', stderr: 'error: -i/--stdin is required for containers with -t/--tty=true\n' });
    expect((await runCli(['debug', 'nope', IMAGE], env)).code).toBe(4);
    expect((await runCli(['debug', 'node/localhost', IMAGE], env)).code).toBe(2);
    expect(await get(env, pod, '.spec.ephemeralContainers[*].name')).toBe('dbg');
  });
});
