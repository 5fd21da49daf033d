/**
 * A container left created by a pass that lost the engine while starting it: the engine, back, refuses to start
 * it ("task ... already exists": containerd kept its task). It is removed and made anew; the pod runs.
 */
import { DockerUnreachableError } from '../../src/errors';
import { RuntimeError } from '../../src/runtime/runtime';
import { deploymentYaml } from '../helpers/manifests';
import { fakeCliEnv, runCli } from '../helpers/cli';

test('an unstartable leftover container is replaced, not retried forever', async () => {
  const env = fakeCliEnv({ 'web.yaml': deploymentYaml({ replicas: 1 }) });
  env.runtime.failNextStarts(new DockerUnreachableError('cannot connect to the Docker engine at unix:///var/run/docker.sock: transport is closing'));
  expect((await runCli('apply -f web.yaml', env)).code).toBe(7);
  const leftover = await env.runtime.listContainers({});
  expect(leftover.map((c) => c.status)).toEqual(['created']);

  env.runtime.failNextStarts(new RuntimeError(`task ${leftover[0].id}: already exists`, 500));
  expect((await runCli('reconcile --wait=false', env)).code).toBe(0);
  expect(await env.runtime.listContainers({})).toEqual([]);
  const pod = (await runCli(['get', 'pods', '-o', 'jsonpath={.items[0].status.containerStatuses[0].state.waiting.reason}'], env)).stdout;
  expect(pod).toBe('RunContainerError');

  const done = await runCli('rollout status deployment/web --timeout 2m', env);
  expect(done.stdout.trim().split('\n').pop()).toBe('deployment "web" successfully rolled out');
  expect((await env.runtime.listContainers({})).map((c) => c.status)).toEqual(['running']);
});
