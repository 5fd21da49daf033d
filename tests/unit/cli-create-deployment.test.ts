import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

function setup(): CliEnv {
  const dir = tempDir();
  return { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
}

const SHAPE = '{.metadata.labels} {.spec.replicas} {.spec.selector} {.spec.template.metadata.labels} {.spec.template.spec.containers[*].name} {.spec.template.spec.containers[0].ports}';

describe('kctl create deployment', () => {
  test("kubectl's generated object: app=NAME labels and selector, container named after the image, --port on it; converged", async () => {
    const env = setup();
    expect(await runCli('create deployment web --image kctl-demo/web:v1 --replicas 3 --port 8080', env)).toEqual({ code: 0, stdout: 'deployment.apps/web created\n', stderr: '' });
    expect((await runCli(`get deployment web -o jsonpath='${SHAPE}'`, env)).stdout).toBe('{"app":"web"} 3 {"matchLabels":{"app":"web"}} {"app":"web"} web [{"containerPort":8080,"protocol":"TCP"}]');
    expect((await runCli('get deployment web -o jsonpath={.status.readyReplicas}', env)).stdout).toBe('3');
  });

  test('several images, tags and digests, repeated names; a command after --; replicas default 1', async () => {
    const env = setup();
    expect(await runCli('create deploy multi --image kctl-test/busybox:latest --image reg.example/team/my_app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef --image kctl-test/busybox --wait=false', env)).toMatchObject({ code: 0, stdout: 'deployment.apps/multi created\n' });
    expect((await runCli('get deploy multi -o jsonpath={.spec.replicas}/{.spec.template.spec.containers[*].name}', env)).stdout).toBe('1/busybox my-app busybox-2');
    expect((await runCli('create deployment sleeper --image kctl-test/busybox:latest --wait=false -- sleep 3600', env)).code).toBe(0);
    expect((await runCli('get deploy sleeper -o jsonpath={.spec.template.spec.containers[0].command}', env)).stdout).toBe('["sleep","3600"]');
  });

  test('--dry-run writes nothing; errors: exists (5), invalid name (3), bad flags (2)', async () => {
    const env = setup();
    expect(await runCli('create deployment web --image kctl-demo/web:v1 --dry-run', env)).toEqual({ code: 0, stdout: 'deployment.apps/web created (dry run)\n', stderr: '' });
    expect((await runCli('get deployments', env)).stderr).toBe('No resources found in default namespace.\n');
    await runCli('create deployment web --image kctl-demo/web:v1', env);
    expect(await runCli('create deployment web --image kctl-demo/web:v1', env)).toEqual({ code: 5, stdout: '', stderr: 'error: deployments.apps "web" already exists\n' });
    expect(await runCli('create deployment Web --image kctl-demo/web:v1', env)).toEqual({
      code: 3,
      stdout: '',
      stderr: `error: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character\n`,
    });
    expect(await runCli('create deployment api', env)).toEqual({ code: 2, stdout: '', stderr: "error: required option '--image <image>' not specified\nSee 'kctl --help' for usage.\n" });
    expect(await runCli('create deployment api --image x --replicas -1', env)).toEqual({ code: 2, stdout: '', stderr: 'error: invalid argument "-1" for "--replicas" flag: must be an integer >= 0\n' });
    expect(await runCli('create deployment api --image x --port 0', env)).toEqual({ code: 2, stdout: '', stderr: 'error: invalid argument "0" for "--port" flag: must be an integer >= 1\n' });
  });

  test('--dry-run=client -o yaml writes the manifest kubectl writes, byte for byte (no defaults or namespace, Go\'s empty fields), which apply takes', async () => {
    const env = setup();
    const out = await runCli('create deployment web --image=kctl-demo/web:v1 --replicas=2 --port=80 --dry-run=client -o yaml', env);
    expect(out).toEqual({
      code: 0,
      stdout: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  creationTimestamp: null', '  labels:', '    app: web', '  name: web', 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', '      app: web', '  strategy: {}',
        '  template:', '    metadata:', '      creationTimestamp: null', '      labels:', '        app: web', '    spec:', '      containers:', '      - image: kctl-demo/web:v1', '        name: web', '        ports:', '        - containerPort: 80', '        resources: {}', 'status: {}', '',
      ].join('\n'),
      stderr: '',
    });
    expect((await runCli('get deployments', env)).stderr).toBe('No resources found in default namespace.\n');
    expect(await runCli('apply -f - --wait=false', env, out.stdout)).toMatchObject({ code: 0, stdout: 'deployment.apps/web created\n' });
    expect((await runCli('-n team create namespace team --dry-run=client -o yaml', env)).stdout).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: team\nspec: {}\nstatus: {}\n');
  });
});
