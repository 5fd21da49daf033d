/**
 * DaemonSets on real Docker: one pod on the one node, serving once Ready; a new image rolls out (the old pod's
 * container goes, the new one serves the new version); a pod deleted by hand comes back; delete takes it all.
 */
import { Kctl, eventually } from './harness';

jest.setTimeout(180_000);

const manifest = (version: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: kctl-demo/web:${version}
          imagePullPolicy: IfNotPresent
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 1}
`;

describe('daemonsets on real Docker', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.cleanup();
  });

  const podNames = async () => JSON.parse((await k.run(['get', 'pods', '-l', 'app=agent', '-o', 'json'])).stdout).items.filter((p: any) => !p.metadata.deletionTimestamp).map((p: any) => p.metadata.name as string);
  const version = async (pod: string) => (await k.run(['exec', pod, '--', 'cat', '/www/version'])).stdout;

  test('one pod runs the template; a new image rolls out; a deleted pod comes back; delete removes the containers', async () => {
    expect(await k.run(['apply', '-f', k.write('ds.yaml', manifest('v1'))])).toMatchObject({ code: 0, stdout: 'daemonset.apps/agent created\n', stderr: '' });
    const [first] = await podNames();
    expect(await version(first)).toBe('v1\n');
    expect((await k.run(['get', 'ds', 'agent', '--no-headers'])).stdout).toMatch(/^agent\s+1\s+1\s+1\s+1\s+1\s+<none>\s+\d+s\n$/);

    expect((await k.run(['apply', '-f', k.write('ds.yaml', manifest('v2'))])).stdout).toBe('daemonset.apps/agent configured\n');
    expect((await k.run(['rollout', 'status', 'ds/agent', '--timeout=60s'])).stdout).toBe('daemon set "agent" successfully rolled out\n');
    const [second] = await podNames();
    expect(second).not.toBe(first);
    expect(await version(second)).toBe('v2\n');
    expect(await eventually(async () => ((await k.containers()).every((c) => c.image !== 'kctl-demo/web:v1') ? true : undefined), 100, 200)).toBe(true);

    expect((await k.run(['delete', 'pod', second])).code).toBe(0);
    expect((await k.run(['reconcile'])).code).toBe(0);
    const [third] = await eventually(async () => {
      const names = await podNames();
      return names.length === 1 && names[0] !== second ? names : undefined;
    }, 100, 200);
    expect(await eventually(async () => ((await version(third)) === 'v2\n' ? true : undefined), 100, 200)).toBe(true);

    expect((await k.run(['delete', 'ds', 'agent'])).code).toBe(0);
    expect(await eventually(async () => ((await k.containers()).length === 0 ? true : undefined), 100, 200)).toBe(true);
  });
});
