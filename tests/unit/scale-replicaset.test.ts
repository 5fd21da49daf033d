/**
 * A ReplicaSet is a scalable kind, as in Kubernetes: `kctl scale` and `kctl autoscale` take one, and an HPA
 * whose scaleTargetRef is a ReplicaSet reads and sets its scale. The ReplicaSet here is a Deployment's (kctl
 * makes ReplicaSets only for Deployments), so its size goes back to the Deployment's on the next pass.
 */
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';
import { Store } from '../../src/store/store';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: kctl-demo/web:v1, resources: {requests: {cpu: 100m}}}]
`;

/** The applied Deployment and the name of its ReplicaSet. */
async function world(): Promise<{ env: FakeCliEnv; kctl: (line: string) => ReturnType<typeof runCli>; rs: string }> {
  const env = fakeCliEnv({ 'web.yaml': WEB });
  const kctl = (line: string) => runCli(line, env);
  expect((await kctl('apply -f web.yaml')).code).toBe(0);
  const names = (await kctl('get rs -o name')).stdout;
  expect(names).toMatch(/^replicaset\.apps\/web-[a-z0-9]+\n$/);
  return { env, kctl, rs: names.trim().split('/')[1] };
}

test('kctl scale replicaset/NAME scales it', async () => {
  const { kctl, rs } = await world();
  expect(await kctl(`scale rs ${rs} --replicas 3 --current-replicas 1`)).toEqual({ code: 5, stdout: '', stderr: 'error: Expected replicas to be 1, was 2\n' });
  expect(await kctl(`scale replicaset/${rs} --replicas 3`)).toEqual({ code: 0, stdout: `replicaset.apps/${rs} scaled\n`, stderr: '' });
});

test('kctl autoscale rs/NAME takes the ReplicaSet as its target: its flags and the target are checked as for a Deployment', async () => {
  const { kctl, rs } = await world();
  expect(await kctl(`autoscale rs/${rs}`)).toEqual({ code: 2, stdout: '', stderr: 'error: --max=MAXPODS is required and must be at least 1, max: 0\n' });
  expect(await kctl('autoscale rs/nope --max 3')).toEqual({ code: 4, stdout: '', stderr: 'error: replicasets.apps "nope" not found\n' });
  expect(await kctl(`autoscale rs/${rs} --max 3 --cpu-percent 50`)).toEqual({ code: 0, stdout: `horizontalpodautoscaler.autoscaling/${rs} autoscaled\n`, stderr: '' });
  expect((await kctl(`get hpa ${rs} -o jsonpath={.spec.scaleTargetRef.kind}`)).stdout).toBe('ReplicaSet');
});

test('an HPA whose scaleTargetRef is a ReplicaSet reads its scale and sets it', async () => {
  const { env, kctl, rs } = await world();
  // Written into the state directly, so the test needs no manifest round trip.
  await new Store(env.statePath).update((s) => {
    s.put({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web-rs', namespace: 'default', generation: 1 },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs }, minReplicas: 3, maxReplicas: 5 },
    });
  });
  expect((await kctl('reconcile --wait=false')).code).toBe(0);
  expect((await kctl('get hpa web-rs -o jsonpath={.spec.scaleTargetRef.kind}/{.status.currentReplicas}/{.status.desiredReplicas}/{.status.conditions[0].reason}')).stdout).toBe('ReplicaSet/2/3/SucceededRescale');
  expect((await kctl('describe hpa web-rs')).stdout).toMatch(/\n  Normal  SuccessfulRescale  .+  kctl  New size: 3; reason: Current number of replicas below Spec\.MinReplicas\n$/);
});
