import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';
import type { FakeRuntime } from '../../src/runtime/fake/fake-runtime';

async function setup(): Promise<FakeCliEnv> {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ replicas: 1, containerExtra: 'resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {memory: 128Mi}}' }) });
  expect((await runCli('apply -f web.yaml', env)).code).toBe(0);
  return env;
}

describe('kctl get nodes / describe node: the engine\'s machine as the one node', () => {
  test('get nodes, -o wide, by name, -o jsonpath; the name pods give as their node', async () => {
    const env = await setup();
    expect(await runCli('get nodes', env)).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^NAME        STATUS   ROLES           AGE   VERSION\nlocalhost   Ready    control-plane   \S+ +v\d+\.\d+\.\d+\S*\n$/),
      stderr: '',
    });
    const wide = (await runCli('get no -o wide --no-headers', env)).stdout;
    expect(wide).toMatch(/^localhost +Ready +control-plane +\S+ +v\S+ +127\.0\.0\.1 +<none> +Debian GNU\/Linux 12 \(bookworm\) +6\.1\.0-fake +docker:\/\/fake\n$/);
    const nodeName = (await runCli(['get', 'pods', '-o', 'wide', '--no-headers'], env)).stdout.trim().split(/\s+/)[6];
    expect(nodeName).toBe('localhost');
    expect((await runCli(['get', 'node', nodeName, '-o', 'jsonpath={.status.capacity}'], env)).stdout).toBe('{"cpu":"2","ephemeral-storage":"0","memory":"8388608Ki","pods":"500"}');
    expect((await runCli('get nodes -l node-role.kubernetes.io/control-plane -o name', env)).stdout).toBe('node/localhost\n');
    expect((await runCli('get nodes -l role=worker', env)).stderr).toBe('No resources found\n');
    expect(await runCli('get node other', env)).toEqual({ code: 4, stdout: '', stderr: 'error: nodes "other" not found\n' });
  });

  test('describe node: conditions, capacity, system info, the pods with their requests and limits', async () => {
    const env = await setup();
    const out = await runCli('describe node localhost', env);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Name:               localhost\nRoles:              control-plane\nLabels:             kubernetes\.io\/arch=amd64\n/);
    expect(out.stdout).toMatch(/\n  Ready +True +\w{3}, \d\d \w{3} \d{4} [\d:]{8} \+0000 .* KubeletReady +kctl is driving the Docker engine fake\n/);
    expect(out.stdout).toContain('Addresses:\n  InternalIP:  127.0.0.1\n  Hostname:    fake-host\n');
    expect(out.stdout).toContain('  Container Runtime Version:  docker://fake\n');
    expect(out.stdout).toMatch(/Non-terminated Pods: +\(1 in total\)\n/);
    expect(out.stdout).toMatch(/\n  default +web-\S+ +250m \(12%\) +0 \(0%\) +64Mi \(0%\) +128Mi \(1%\) +\S+\n/);
    expect(out.stdout).toMatch(/\n  cpu +250m \(12%\) +0 \(0%\)\n  memory +64Mi \(0%\) +128Mi \(1%\)\nEvents: +<none>\n$/);
  });

  test('an unreachable engine: nodes cannot be listed (exit 7); stored kinds still can', async () => {
    const env = await setup();
    (env.runtime as FakeRuntime).setUnreachable(true);
    expect((await runCli('get nodes', env)).code).toBe(7);
    expect((await runCli('get deployments --no-headers', env)).code).toBe(0);
  });
});
