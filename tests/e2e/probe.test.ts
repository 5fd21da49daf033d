/**
 * Probes on real Docker: exec inside the container (docker exec), tcpSocket and httpGet through the port
 * published on 127.0.0.1 (Docker's port proxy accepts connections even when nothing listens: kctl must still
 * see "connection refused"), liveness restarts, startup gating.
 */
import { Kctl, eventually } from './harness';

jest.setTimeout(120_000);

const pod = (name: string, image: string, ports: number[], probes: string) => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  terminationGracePeriodSeconds: 1
  containers:
    - name: main
      image: ${image}
      imagePullPolicy: IfNotPresent
${ports.length ? `      ports:\n${ports.map((p) => `        - containerPort: ${p}\n`).join('')}` : ''}${probes}`;

describe('probes on real Docker', () => {
  const k = new Kctl('kctl-e2e-probe-');
  afterAll(() => k.cleanup());

  test('liveness restarts, tcpSocket through the published port, startup gating, events', async () => {
    k.write(
      'pods.yaml',
      pod(
        'live',
        'kctl-test/busybox:latest',
        [],
        `      livenessProbe:
        exec:
          command: [cat, /tmp/healthy]
        periodSeconds: 1
        failureThreshold: 2
`,
      ) +
        pod(
          'tcp-ready',
          'kctl-demo/web:v1',
          [8080],
          `      readinessProbe:
        tcpSocket: {port: 8080}
        periodSeconds: 1
`,
        ) +
        pod(
          'tcp-never',
          'kctl-demo/web:v1',
          [8080, 9999],
          `      readinessProbe:
        tcpSocket: {port: 9999}
        periodSeconds: 1
`,
        ) +
        pod(
          'gated',
          'kctl-demo/web:v1',
          [8080],
          `      startupProbe:
        httpGet: {path: /healthz, port: 8080}
        periodSeconds: 1
      readinessProbe:
        exec:
          command: [cat, /www/version]
        periodSeconds: 1
`,
        ),
    );
    expect((await k.run(['apply', '-f', 'pods.yaml', '--wait=false'])).code).toBe(0);
    const controller = k.spawn(['reconcile', '--watch']);
    try {
      const table = async () => {
        const out = (await k.run(['get', 'pods', '--no-headers'])).stdout;
        return Object.fromEntries(out.trim().split('\n').map((l) => l.split(/\s+/)).map(([name, ready, status, restarts]) => [name, `${ready} ${status} ${restarts}`]));
      };
      const settled = await eventually(
        async () => {
          const t = await table();
          // Restarted at least once: between restarts the back-off shows CrashLoopBackOff, and its windows of
          // Running shrink as the back-off grows, so the status is not what tells a restart.
          return t.live?.match(/^\d\/1 (Running|CrashLoopBackOff) [1-9]/) && t['tcp-ready'] === '1/1 Running 0' && t.gated === '1/1 Running 0' ? t : undefined;
        },
        150,
        200,
      );
      expect(settled['tcp-never']).toBe('0/1 Running 0');

      const describe = async (name: string) => (await k.run(['describe', 'pod', name])).stdout;
      expect(await describe('live')).toMatch(/Warning\s+Unhealthy\s+.*Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/);
      expect(await describe('live')).toMatch(/Normal\s+Killing\s+.*Container main failed liveness probe, will be restarted/);
      expect(await describe('tcp-never')).toMatch(/Warning\s+Unhealthy\s+.*Readiness probe failed: dial tcp 127\.0\.0\.1:\d+: connect: connection refused/);
      expect(await describe('tcp-ready')).not.toMatch(/Unhealthy/);
    } finally {
      // A controller that already ended has no exit left to wait for.
      if (controller.exitCode === null && controller.signalCode === null) {
        const exited = new Promise((r) => controller.on('exit', r));
        controller.kill('SIGTERM');
        await exited;
      }
    }
  });
});
