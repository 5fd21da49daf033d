/**
 * Probes wired into the pod controller (sync.ts) on the fake runtime, pass by pass with an injected clock:
 * readiness decides READY, liveness failures restart the container, and the kubelet's events are recorded.
 */
import { Store } from '../../src/store/store';
import { clockedCliEnv, runCli } from '../helpers/cli';

function setup(probes: string) {
  const env = clockedCliEnv({
    'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: kctl-test/busybox:latest
      imagePullPolicy: IfNotPresent
${probes}`,
  });
  return {
    runtime: env.runtime,
    env,
    passAt: env.passAt,
    podLine: async () => (await runCli('get pods --no-headers', env)).stdout.replace(/\s+/g, ' ').trim(),
    events: () => new Store(env.statePath).read().data.events.map((e) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`),
  };
}

test('a failing readiness probe keeps the pod out of Ready without restarting it; passing makes it Ready', async () => {
  const w = setup(`      readinessProbe:
        exec:
          command: [cat, /tmp/ready]
        periodSeconds: 1`);
  w.runtime.setExecResult('cat /tmp/ready', { exitCode: 1, stderr: "cat: can't open '/tmp/ready': No such file or directory\n" });
  expect((await runCli('apply -f pod.yaml --wait=false', w.env)).stdout).toBe('pod/web created\n');
  await w.passAt(1000);
  await w.passAt(2000);
  expect(await w.podLine()).toBe('web 0/1 Running 0 2s');
  w.runtime.setExecResult('cat /tmp/ready', { exitCode: 0 });
  await w.passAt(3000);
  expect(await w.podLine()).toBe('web 1/1 Running 0 3s');
  expect(w.events()).toEqual([
    'Normal Created Created container web',
    'Normal Started Started container web',
    "Warning Unhealthy Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory (x3)",
  ]);
});

test('a failing liveness probe restarts the container after failureThreshold failures', async () => {
  const w = setup(`      livenessProbe:
        exec:
          command: [check]
        periodSeconds: 1
        failureThreshold: 2`);
  w.runtime.setExecResult('check', { exitCode: 1, stdout: 'unhealthy\n' });
  await runCli('apply -f pod.yaml --wait=false', w.env);
  await w.passAt(1000); // second failure: stopped
  await w.passAt(1100); // exited: restarted at once (first restart has no back-off)
  expect(await w.podLine()).toBe('web 1/1 Running 1 (0s ago) 1s');
  expect(w.events()).toEqual([
    'Normal Created Created container web',
    'Normal Started Started container web',
    'Warning Unhealthy Liveness probe failed: unhealthy (x2)',
    'Normal Killing Container web failed liveness probe, will be restarted',
    'Normal Created Created container web',
    'Normal Started Started container web',
    'Warning Unhealthy Liveness probe failed: unhealthy', // the new container is probed afresh
  ]);
  expect(w.runtime.calls.stops).toBe(1);
});
