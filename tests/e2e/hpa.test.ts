/**
 * Autoscaling on real Docker: a Deployment whose pods burn CPU (a busybox shell loop, 10 times their 100m
 * request) makes its HPA scale it up to maxReplicas; when the loops stop, it scales back down after the
 * (short) scale-down stabilization window. Metrics come from Docker's stats, sampled by the controller.
 */
import { Kctl, eventually } from './harness';

jest.setTimeout(180_000);

// The loop runs until /tmp/stop exists; a restarted container stays idle (the file is in its own layer, so a
// new container burns again: the test stops every container it sees).
const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: burn}
spec:
  replicas: 1
  selector: {matchLabels: {app: burn}}
  template:
    metadata: {labels: {app: burn}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: burn
          image: kctl-test/busybox:latest
          imagePullPolicy: IfNotPresent
          command: [sh, -c, "trap 'exit 0' TERM; while [ ! -f /tmp/stop ]; do :; done; sleep 3600 & wait"]
          resources:
            requests: {cpu: 100m}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: burn}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: burn}
  minReplicas: 1
  maxReplicas: 3
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 5
`;

describe('HorizontalPodAutoscaler on real Docker', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.run(['controller', 'stop', '--timeout', '20s']);
    await k.cleanup();
  });

  const replicas = async () => JSON.parse((await k.run(['get', 'deployment', 'burn', '-o', 'json'])).stdout).spec.replicas as number;
  const pods = async () => JSON.parse((await k.run(['get', 'pods', '-l', 'app=burn', '-o', 'json'])).stdout).items.filter((p: any) => !p.metadata.deletionTimestamp).map((p: any) => p.metadata.name as string);

  test('scales up under CPU load and down after the window when the load stops', async () => {
    expect((await k.run(['apply', '-f', k.write('burn.yaml', manifest)])).stdout).toBe('deployment.apps/burn created\nhorizontalpodautoscaler.autoscaling/burn created\n');
    const top = await k.run(['top', 'pods', '--no-headers']);
    expect(top.stdout).toMatch(/^burn-[a-z0-9]+-[a-z0-9]+\s+\d+m\s+\d+Mi\n$/);

    expect((await k.run(['controller', 'start', '--metrics-interval', '2s'])).code).toBe(0);
    await eventually(async () => (await replicas()) === 3, 120, 250);
    const hpa = JSON.parse((await k.run(['get', 'hpa', 'burn', '-o', 'json'])).stdout);
    expect(hpa.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual(['AbleToScale=True', 'ScalingActive=True', 'ScalingLimited=True']);
    // REPLICAS is what the HPA last saw, as on a cluster: the next metrics sample brings it to 3.
    const line = await eventually(async () => {
      const out = (await k.run(['get', 'hpa', 'burn', '--no-headers'])).stdout;
      return /\s3\s+\d+s\n$/.test(out) ? out : undefined;
    }, 40, 250);
    expect(line).toMatch(/^burn\s+Deployment\/burn\s+cpu: \d+%\/50%\s+1\s+3\s+3\s+\d+s\n$/);
    const events = (await k.run(['describe', 'hpa', 'burn'])).stdout;
    expect(events).toMatch(/SuccessfulRescale\s+\d+s\s+kctl\s+New size: 3; reason: cpu resource utilization \(percentage of request\) above target/);

    await eventually(async () => (await pods()).length === 3, 60, 250);
    for (const pod of await pods()) expect((await k.run(['exec', pod, '--', 'touch', '/tmp/stop'])).code).toBe(0);
    await eventually(async () => (await replicas()) === 1, 120, 250);
    expect((await k.run(['describe', 'hpa', 'burn'])).stdout).toMatch(/New size: 1; reason: All metrics below target/);
  });
});
