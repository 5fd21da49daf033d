/**
 * What applying a manifest would ignore is said where it is applied (apply, create, replace), not again by the
 * commands that only name its objects (delete -f, get -f, scale -f, patch -f), as kubectl prints the API server's
 * warnings only for writes.
 */
import { fakeCliEnv, runCli } from '../helpers/cli';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {disk: ssd}
      containers:
      - name: web
        image: kctl-test/busybox:latest
        command: [sleep, '100000']
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
`;

test('apply warns once; delete -f, get -f, scale -f and patch -f are silent about it', async () => {
  const env = fakeCliEnv({ 'web.yaml': manifest });
  const applied = await runCli('apply -f web.yaml', env);
  expect(applied.code).toBe(0);
  expect(applied.stderr).toMatch(/^Warning: web\.yaml:10:7: spec\.template\.spec\.nodeSelector is ignored by kctl/);
  expect(applied.stderr).toMatch(/ServiceAccount/);
  expect(await runCli('get -f web.yaml -o name', env)).toEqual({ code: 0, stdout: 'deployment.apps/web\n', stderr: '' });
  expect(await runCli('scale -f web.yaml --replicas=2', env)).toEqual({ code: 0, stdout: 'deployment.apps/web scaled\n', stderr: '' });
  expect(await runCli(['patch', '-f', 'web.yaml', '-p', '{"metadata":{"labels":{"a":"b"}}}'], env)).toEqual({ code: 0, stdout: 'deployment.apps/web patched\n', stderr: '' });
  expect(await runCli('delete -f web.yaml', env)).toEqual({ code: 0, stdout: 'deployment.apps "web" deleted\n', stderr: '' });
});
