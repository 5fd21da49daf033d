/**
 * The ReplicationController kind on the fake runtime, as the guestbook example uses it: the API server's
 * defaults (selector and labels from the template), its refusals, pods kept at spec.replicas by the ReplicaSet
 * controller, get/describe in kubectl's layout, scale, expose by its label-map selector, delete cascading.
 */
import { Store } from '../../src/store/store';
import { fakeCliEnv, runCli } from '../helpers/cli';

const rc = (spec: string) => `apiVersion: v1
kind: ReplicationController
metadata:
  name: redis
spec:
${spec}  template:
    metadata:
      labels: {app: redis, role: master}
    spec:
      containers:
      - name: redis
        image: kctl-test/busybox:latest
        imagePullPolicy: IfNotPresent
        command: [sleep, '100000']
        ports: [{name: redis-server, containerPort: 6379}]
`;

describe('a ReplicationController', () => {
  test('refused as the API server refuses it', async () => {
    const env = fakeCliEnv({
      'mismatch.yaml': rc('  selector: {app: other}\n'),
      'empty.yaml': 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: e}\nspec:\n  replicas: 1\n',
    });
    expect(await runCli('apply -f mismatch.yaml', env)).toEqual({ code: 3, stdout: '', stderr: 'error: mismatch.yaml:9:15: spec.template.metadata.labels: Invalid value: {"app":"redis","role":"master"}: `selector` does not match template `labels`\n' });
    expect((await runCli('apply -f empty.yaml', env)).stderr).toBe('error: empty.yaml:4:1: spec.selector: Required value\nerror: empty.yaml:4:1: spec.template: Required value\n');
    expect((await runCli('get rc', env)).stderr).toBe('No resources found in default namespace.\n');
  });

  test('defaults from the template; replicas kept; get, describe, scale, expose, delete as kubectl does them', async () => {
    const env = fakeCliEnv({ 'rc.yaml': rc('  replicas: 2\n') });
    expect(await runCli('apply -f rc.yaml', env)).toEqual({ code: 0, stdout: 'replicationcontroller/redis created\n', stderr: '' });
    const stored = new Store(env.statePath).read().get('ReplicationController', 'default', 'redis')!;
    expect(stored.spec.selector).toEqual({ app: 'redis', role: 'master' });
    expect(stored.metadata.labels).toEqual({ app: 'redis', role: 'master' });
    expect(new Store(env.statePath).read().list('Pod').map((p) => p.metadata.ownerReferences![0].kind)).toEqual(['ReplicationController', 'ReplicationController']);
    expect((await runCli('get rc -o wide', env)).stdout).toMatch(/^NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                     SELECTOR\nredis   2         2         2       \d+s  +redis        kctl-test\/busybox:latest   app=redis,role=master\n$/);
    expect((await runCli('describe rc redis', env)).stdout).toMatch(/^Name:         redis\nNamespace:    default\nSelector:     app=redis,role=master\nLabels:       app=redis\n              role=master\nAnnotations:  <none>\nReplicas:     2 current \/ 2 desired\nPods Status:  2 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n/);
    expect(await runCli('scale rc redis --replicas=3', env)).toEqual({ code: 0, stdout: 'replicationcontroller/redis scaled\n', stderr: '' });
    expect(new Store(env.statePath).read().list('Pod')).toHaveLength(3);
    expect(await runCli('expose rc redis --port=6379 --target-port=redis-server', env)).toEqual({ code: 0, stdout: 'service/redis exposed\n', stderr: '' });
    expect((await runCli('get svc redis -o jsonpath={.spec.selector}', env)).stdout).toBe('{"app":"redis","role":"master"}');
    expect(await runCli('delete rc redis', env)).toEqual({ code: 0, stdout: 'replicationcontroller "redis" deleted\n', stderr: '' });
    expect((await runCli('get pods', env)).stderr).toBe('No resources found in default namespace.\n');
  });
});
