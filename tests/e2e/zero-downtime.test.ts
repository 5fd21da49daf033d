/**
 * Zero downtime on real Docker: a bounded load (4 clients, a new connection per request) on the node port of a
 * Service while its Deployment of 4 replicas rolls from v1 to v2 and back with `rollout undo`, the controller
 * running. Not one request may fail; both versions must have answered. (bench/zero-downtime.js measures the
 * same beside docker-compose.)
 */
import { Kctl, eventually } from './harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startLoad, ZERO_DOWNTIME_MANIFEST: manifest } = require('../../bench/zero-downtime.load.js');

jest.setTimeout(180_000);


describe('zero-downtime rollout behind a node port', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.run(['controller', 'stop', '--timeout', '20s']);
    await k.cleanup();
  });

  test('v1 -> v2 -> undo under load: 0 failed requests, both versions answered', async () => {
    expect((await k.run(['controller', 'start'])).code).toBe(0);
    expect((await k.run(['apply', '-f', k.write('web.yaml', manifest)])).code).toBe(0);
    const nodePort = await eventually(async () => JSON.parse((await k.run(['get', 'svc', 'web', '-o', 'json'])).stdout).spec.ports[0].nodePort as number | undefined, 50, 100);
    await eventually(async () => /listening on 127\.0\.0\.1:\d+ for service default\/web/.test((await k.run(['controller', 'status'])).stdout), 50, 100);

    const load = startLoad({ port: nodePort, clients: 4, maxMs: 120_000, maxRequests: 100_000 });
    await new Promise((r) => setTimeout(r, 1000));
    const update = await k.run(['set', 'image', 'deployment/web', 'web=kctl-demo/web:v2']);
    expect(update).toMatchObject({ code: 0, stdout: 'deployment.apps/web image updated\n' });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await k.run(['rollout', 'undo', 'deployment/web'])).stdout).toBe('deployment.apps/web rolled back\n');
    expect((await k.run(['rollout', 'status', 'deployment/web', '--timeout', '90s'])).stdout).toMatch(/deployment "web" successfully rolled out\n$/);
    await new Promise((r) => setTimeout(r, 1000));
    const result = await load.stop();

    expect({ failed: result.failed, errors: result.errors }).toEqual({ failed: 0, errors: {} });
    expect(Object.keys(result.byVersion).sort()).toEqual(['v1', 'v2']);
    expect(result.byVersion.v1 + result.byVersion.v2).toBe(result.requests);
    const images = JSON.parse((await k.run(['get', 'pods', '-o', 'json'])).stdout).items.map((p: any) => p.spec.containers[0].image);
    expect(images).toEqual(['kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v1', 'kctl-demo/web:v1']);
  });
});
