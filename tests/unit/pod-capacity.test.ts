/**
 * A huge replica count is accepted, as Kubernetes accepts it, but pods are made only while the host has room
 * (KCTL_MAX_PODS): the state stays bounded and a waiting command stops at once with the reason.
 */
import { Store } from '../../src/store/store';
import { fakeCliEnv, runCli } from '../helpers/cli';

const WEB = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: kctl-demo/web:v1}]
`;

test('1e9 replicas: accepted, 3 pods made on a host with room for 3, and apply says why it cannot finish', async () => {
  const env = fakeCliEnv({ 'web.yaml': WEB(1_000_000_000) }, { env: { KCTL_MAX_PODS: '3' } });
  const r = await runCli('apply -f web.yaml --timeout 30s', env);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('deployment.apps/web created\n');
  expect(r.stderr).toMatch(/^error: deployment "web" cannot create its pods: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded this host's pod capacity: limited: pods=3 \(KCTL_MAX_PODS\)\n/);
  for (let i = 0; i < 3; i++) expect((await runCli('reconcile --wait=false', env)).code).toBe(0);
  expect(new Store(env.statePath).read().list('Pod')).toHaveLength(3);
  const conditions = JSON.parse((await runCli('get deploy web -o json', env)).stdout).status.conditions.map((c: any) => `${c.type}=${c.status} ${c.reason}`);
  expect(conditions).toContain('ReplicaFailure=True FailedCreate');
  // Scaled to what fits, it completes and the condition goes.
  expect((await runCli('scale deploy web --replicas 3 --timeout 30s', env)).code).toBe(0);
  expect(JSON.parse((await runCli('get deploy web -o json', env)).stdout).status.conditions.map((c: any) => c.type)).not.toContain('ReplicaFailure');
});

test('KCTL_MAX_PODS must be a positive whole number', async () => {
  const env = fakeCliEnv({ 'web.yaml': WEB(1) }, { env: { KCTL_MAX_PODS: 'lots' } });
  expect(await runCli('apply -f web.yaml', env)).toMatchObject({ code: 2, stderr: 'error: KCTL_MAX_PODS must be a positive whole number of pods, not "lots"\n' });
});
