/** `kctl top pods` and `kctl top` on the fake runtime with set stats: kubectl's columns and units. */
import * as fs from 'fs';
import * as path from 'path';
import { LABEL } from '../../src/runtime/runtime';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { Store } from '../../src/store/store';
import { runCli, tempDir } from '../helpers/cli';

async function world() {
  const dir = tempDir();
  const runtime = new FakeRuntime();
  const env = { statePath: path.join(dir, 'state.json'), runtime, cwd: dir };
  const pod = (name: string, containers: string[]) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [${containers.map((c) => `{name: ${c}, image: kctl-demo/web:v1}`).join(', ')}]
`;
  fs.writeFileSync(path.join(dir, 'p.yaml'), [pod('api', ['api']), pod('web', ['web', 'sidecar'])].join('---\n'));
  expect((await runCli('apply -f p.yaml --wait=false', env)).code).toBe(0);
  const set = async (pod: string, container: string, cpuCores: number, memoryBytes: number) => {
    const [c] = (await runtime.listContainers({ [LABEL.pod]: pod, [LABEL.container]: container })).filter((x) => x.labels[LABEL.role] === 'app');
    runtime.setStats(c.id, { cpuCores, memoryBytes });
  };
  await set('api', 'api', 0.0124, 5 * 1024 * 1024);
  await set('web', 'web', 0.25, 12 * 1024 * 1024);
  await set('web', 'sidecar', 0.001, 3 * 1024 * 1024 + 1);
  return { env, runtime, run: (line: string) => runCli(line, env) };
}

test('top pods: CPU in millicores and memory in Mi per pod, or per container', async () => {
  const w = await world();
  expect(await w.run('top pods')).toEqual({ code: 0, stderr: '', stdout: 'NAME   CPU(cores)   MEMORY(bytes)\napi    12m          5Mi\nweb    251m         15Mi\n' });
  expect((await w.run('top pod --sort-by memory --no-headers')).stdout).toBe('web   251m   15Mi\napi   12m    5Mi\n');
  expect((await w.run('top pods web --containers')).stdout).toBe('POD   NAME      CPU(cores)   MEMORY(bytes)\nweb   web       250m         12Mi\nweb   sidecar   1m           3Mi\n');
  expect(await w.run('top pods nope')).toEqual({ code: 4, stdout: '', stderr: 'error: pods "nope" not found\n' });
});

test('top: the namespace in one line; pods whose containers are not running are not counted', async () => {
  const w = await world();
  const [api] = (await w.runtime.listContainers({ [LABEL.pod]: 'api' })).filter((x) => x.labels[LABEL.role] === 'app');
  w.runtime.crash(api.id, 1);
  expect((await w.run('top')).stdout).toBe('NAMESPACE   PODS   CPU(cores)   MEMORY(bytes)\ndefault     1      251m         15Mi\n');
  expect((await w.run('-n other top')).stdout).toBe('NAMESPACE   PODS   CPU(cores)   MEMORY(bytes)\nother       0      0m           0Mi\n');
  expect(new Store(w.env.statePath).read().list('Pod')).toHaveLength(2);
});
