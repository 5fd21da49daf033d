/**
 * StatefulSets on real Docker: pods web-0..2 made in order, each reached by its stable DNS name through the
 * headless Service (`web-1.web` and the long forms) from the others, each with its own claim volume whose data
 * survives the pod being deleted and made again and a scale 3 -> 1 -> 3; a rolling update to v2 from the top;
 * rollout undo back to v1; delete keeps the claims (Retain), and deleting them frees the volumes.
 */
import { Kctl, docker, eventually } from './harness';

jest.setTimeout(300_000);

const manifest = (version: string) => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{name: http, port: 8080}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: kctl-demo/web:${version}
          imagePullPolicy: IfNotPresent
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 1}
          volumeMounts: [{name: data, mountPath: /www/data}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 100Mi}}
`;

describe('statefulsets on real Docker', () => {
  const k = new Kctl();
  afterAll(async () => {
    await k.cleanup();
  });

  /** What `from` gets for `path` from `host`:8080, through Docker's DNS inside the namespace network. */
  const fetch = async (from: string, host: string, path: string) => {
    const r = await k.run(['exec', from, '--', 'sh', '-c', `printf 'GET ${path} HTTP/1.0\\r\\n\\r\\n' | nc -w 2 ${host} 8080 | tail -n 1`]);
    return r.code === 0 ? r.stdout : `exit ${r.code}: ${r.stderr}`;
  };
  const podNames = async () => JSON.parse((await k.run(['get', 'pods', '-l', 'app=web', '-o', 'json'])).stdout).items.filter((p: any) => !p.metadata.deletionTimestamp).map((p: any) => p.metadata.name as string).sort();
  const podUid = async (name: string) => (await k.run(['get', 'pod', name, '-o', 'jsonpath={.metadata.uid}'])).stdout;

  test('stable names and DNS, a claim per pod that outlives it, rolling update and undo', async () => {
    const file = k.write('web.yaml', manifest('v1'));
    const applied = await k.run(['apply', '-f', file]);
    expect(applied).toMatchObject({ code: 0, stdout: 'service/web created\nstatefulset.apps/web created\n', stderr: '' });
    expect(await podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    expect((await k.run(['get', 'sts', 'web', '--no-headers'])).stdout).toMatch(/^web\s+3\/3\s+\d+s\n$/);
    expect((await k.run(['get', 'pvc', '-o', 'name'])).stdout).toBe('persistentvolumeclaim/data-web-0\npersistentvolumeclaim/data-web-1\npersistentvolumeclaim/data-web-2\n');

    // Each pod by its own name, short and long; the headless Service's name answers with one of them.
    expect(await fetch('web-0', 'web-1.web', '/version')).toBe('v1\n');
    expect(await fetch('web-2', 'web-0.web.default.svc.cluster.local', '/version')).toBe('v1\n');
    expect(await fetch('web-1', 'web', '/version')).toBe('v1\n');

    // Data written to web-1's claim survives the pod being deleted and made again.
    expect((await k.run(['exec', 'web-1', '--', 'sh', '-c', 'echo kept-by-web-1 > /www/data/note'])).code).toBe(0);
    const uid = await podUid('web-1');
    expect((await k.run(['delete', 'pod', 'web-1'])).code).toBe(0);
    expect((await k.run(['rollout', 'status', 'sts/web', '--timeout=90s'])).code).toBe(0);
    expect(await eventually(async () => ((await podUid('web-1')) !== uid && (await podUid('web-1')) !== '' ? true : undefined), 150, 200)).toBe(true);
    expect(await eventually(async () => ((await fetch('web-0', 'web-1.web', '/data/note')) === 'kept-by-web-1\n' ? true : undefined), 100, 200)).toBe(true);

    // ...and a scale to 1 and back: the claims stay, web-1 gets its own again.
    expect((await k.run(['scale', 'sts', 'web', '--replicas=1'])).code).toBe(0);
    expect(await podNames()).toEqual(['web-0']);
    expect((await k.run(['get', 'pvc', '--no-headers'])).stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect((await k.run(['scale', 'sts', 'web', '--replicas=3'])).code).toBe(0);
    expect(await podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(await eventually(async () => ((await fetch('web-2', 'web-1.web', '/data/note')) === 'kept-by-web-1\n' ? true : undefined), 100, 200)).toBe(true);

    // A new image rolls out from the highest ordinal down; undo brings v1 back.
    expect((await k.run(['apply', '-f', k.write('web.yaml', manifest('v2'))])).stdout).toBe('service/web unchanged\nstatefulset.apps/web configured\n');
    expect((await k.run(['rollout', 'status', 'sts/web', '--timeout=120s'])).stdout).toMatch(/partitioned roll out complete: 3 new pods have been updated...\n$/);
    for (const pod of ['web-0', 'web-1', 'web-2']) expect(await eventually(async () => ((await fetch(pod, `${pod}.web`, '/version')) === 'v2\n' ? true : undefined), 100, 200)).toBe(true);
    const deletes = (await k.run(['get', 'events', '--field-selector', 'involvedObject.kind=StatefulSet,reason=SuccessfulDelete', '-o', 'jsonpath={.items[*].message}'])).stdout;
    expect(deletes.indexOf('delete Pod web-2')).toBeLessThan(deletes.indexOf('delete Pod web-0'));
    expect((await k.run(['rollout', 'undo', 'sts/web'])).stdout).toBe('statefulset.apps/web rolled back\n');
    expect((await k.run(['rollout', 'status', 'sts/web', '--timeout=120s'])).code).toBe(0);
    expect(await eventually(async () => ((await fetch('web-1', 'web-0.web', '/version')) === 'v1\n' ? true : undefined), 100, 200)).toBe(true);

    // Delete keeps the claims (Retain); deleting them frees their Docker volumes.
    expect((await k.run(['delete', '-f', file])).code).toBe(0);
    expect(await eventually(async () => ((await k.containers()).length === 0 ? true : undefined), 100, 200)).toBe(true);
    expect((await k.run(['get', 'pvc', '-o', 'name'])).stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect((await k.run(['delete', 'pvc', '--all'])).code).toBe(0);
    expect((await k.run(['reconcile'])).code).toBe(0);
    expect(await eventually(async () => ((await docker(['volume', 'ls', '-q', '--filter', 'name=data-web'])).trim() === '' ? true : undefined), 100, 200)).toBe(true);
  });
});
