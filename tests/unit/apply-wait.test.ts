/**
 * When `kctl apply` returns: not before the Deployment has exactly its pods (old ones that are still
 * terminating count), and at once, with the reason, when a pod is stuck in a state only the user can fix
 * (here a crash loop) instead of at --timeout. On the fake clock: the drain of a Service's old endpoints
 * and the crash back-off take the same passes on any machine.
 */
import { fakeCliEnv, runCli, type FakeCliEnv } from '../helpers/cli';
import { untilSettled, useFakeClock } from '../helpers/fake-clock';

useFakeClock();

const WEB = (image: string, container = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: ${image}
${container}`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

const kctl = (line: string, env: FakeCliEnv) => untilSettled(runCli(line, env));

test('apply of a new version returns only when the old pods are gone, drained Service endpoints included', async () => {
  const env = fakeCliEnv({ 'v1.yaml': `${WEB('kctl-demo/web:v1')}---\n${SERVICE}`, 'v2.yaml': WEB('kctl-demo/web:v2') });
  expect(await kctl('apply -f v1.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web created\nservice/web created\n', stderr: '' });
  expect(await kctl('apply -f v2.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps/web configured\n', stderr: '' });
  // `get` does not reconcile: it shows the pods as apply left them.
  expect((await kctl('get pods -o jsonpath={.items[*].spec.containers[0].image}', env)).stdout).toBe('kctl-demo/web:v2 kctl-demo/web:v2');
});

test('apply of a crash-looping version fails with CrashLoopBackOff before its --timeout', async () => {
  const env = fakeCliEnv({ 'crash.yaml': WEB('kctl-demo/web:v1', "          command: [sh, -c, 'echo boom; exit 1']\n") });
  const r = await kctl('apply -f crash.yaml --timeout 60s', env);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('deployment.apps/web created\n');
  expect(r.stderr).toMatch(
    /^error: pod\/(web-[a-z0-9]+-[a-z0-9]{5}) is not ready: CrashLoopBackOff: back-off 10s restarting failed container=web pod=\1\([0-9a-f-]{36}\)\nhint: the object was applied and kctl keeps retrying; see `kctl describe pod \1`\n$/,
  );
});
