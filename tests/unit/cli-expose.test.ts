import * as path from 'path';
import { FakeRuntime } from '../../src/runtime/fake/fake-runtime';
import { runCli, tempDir, type CliEnv } from '../helpers/cli';

async function setup(): Promise<CliEnv> {
  const dir = tempDir();
  const env = { statePath: path.join(dir, 'state.json'), runtime: new FakeRuntime(), cwd: dir };
  expect((await runCli('create deployment web --image kctl-demo/web:v1 --replicas 2 --port 8080', env)).code).toBe(0);
  return env;
}

const SHAPE = '{.metadata.labels} {.spec.selector} {.spec.type} {.spec.ports[*].port} {.spec.ports[*].targetPort} {.spec.ports[*].protocol}';

describe('kctl expose', () => {
  test('a Service with the deployment\'s selector and labels; --port, --target-port, --type NodePort', async () => {
    const env = await setup();
    expect(await runCli('expose deployment web --port 80 --target-port 8080 --type NodePort', env)).toEqual({ code: 0, stdout: 'service/web exposed\n', stderr: '' });
    expect((await runCli(`get service web -o jsonpath='${SHAPE}'`, env)).stdout).toBe('{"app":"web"} {"app":"web"} NodePort 80 8080 TCP');
    const nodePort = Number((await runCli('get service web -o jsonpath={.spec.ports[0].nodePort}', env)).stdout);
    expect(nodePort >= 30000 && nodePort <= 32767).toBe(true);
  });

  test('ports from the containers when --port is not given; --name; ClusterIP by default', async () => {
    const env = await setup();
    expect(await runCli('expose deploy/web --name web-internal', env)).toEqual({ code: 0, stdout: 'service/web-internal exposed\n', stderr: '' });
    expect((await runCli(`get svc web-internal -o jsonpath='${SHAPE}'`, env)).stdout).toBe('{"app":"web"} {"app":"web"} ClusterIP 8080 8080 TCP');
    expect(await runCli('expose deploy web --name web-dry --port 81 --dry-run', env)).toEqual({ code: 0, stdout: 'service/web-dry exposed (dry run)\n', stderr: '' });
    expect((await runCli('get svc -o name', env)).stdout).toBe('service/web-internal\n');
  });

  test('errors: no port, already exposed, not found, unknown type', async () => {
    const env = await setup();
    await runCli('create deployment worker --image kctl-test/busybox:latest --wait=false', env);
    expect(await runCli('expose deployment worker', env)).toEqual({ code: 2, stdout: '', stderr: "error: couldn't find port via --port flag or introspection\nhint: give the port: --port 80\n" });
    await runCli('expose deployment web --port 80', env);
    expect(await runCli('expose deployment web --port 80', env)).toEqual({ code: 5, stdout: '', stderr: 'error: services "web" already exists\n' });
    expect(await runCli('expose deployment nothere --port 80', env)).toEqual({ code: 4, stdout: '', stderr: 'error: deployments.apps "nothere" not found\n' });
    expect(await runCli('expose deployment web --port 80 --name x --type External', env)).toEqual({ code: 2, stdout: '', stderr: 'error: Unsupported service type "External"\nhint: one of: ClusterIP, NodePort, LoadBalancer\n' });
  });
});
