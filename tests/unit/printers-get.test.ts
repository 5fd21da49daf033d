import type { KObject } from '../../src/api/types';
import { printObjects, type PrintOptions } from '../../src/printers';

const now = new Date('2024-05-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');
const print = (objects: KObject[], opts: Partial<PrintOptions> = {}) => printObjects(objects, { now, colour: false, ...opts });

const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', creationTimestamp: ago(600), ...extra });

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'kctl-demo/web:v1' }, { name: 'log', image: 'busybox' }] },
};

const deployment: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('web', { labels: { app: 'web', tier: 'front' } }),
  spec: { replicas: 3, selector: { matchLabels: { tier: 'front', app: 'web' } }, template },
  status: { replicas: 3, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1 },
};

const replicaSet: KObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: meta('web-5d4f8c9b7'),
  spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d4f8c9b7' } }, template },
  status: { replicas: 3, readyReplicas: 2 },
};

function pod(name: string, status: any, extra: Partial<KObject> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta(name), spec: { containers: [{ name: 'web', image: 'kctl-demo/web:v1' }] }, status, ...extra };
}

const running = pod('web-5d4f8c9b7-abcde', {
  phase: 'Running',
  podIP: '172.18.0.3',
  conditions: [{ type: 'Ready', status: 'True' }],
  containerStatuses: [{ name: 'web', ready: true, restartCount: 0, state: { running: { startedAt: ago(590) } }, containerID: 'docker://0123456789abcdef0123456789' }],
});
const crashing = pod('web-5d4f8c9b7-fghij', {
  phase: 'Running',
  containerStatuses: [
    { name: 'web', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(30) } } },
  ],
});
const creating = pod('web-5d4f8c9b7-klmno', { phase: 'Pending', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] });

describe('get tables per kind', () => {
  test('deployment', () => {
    expect(print([deployment])).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'web    1/3     2            1           10m\n',
    );
  });

  test('deployment -o wide adds CONTAINERS IMAGES SELECTOR (selector keys in order)', () => {
    expect(print([deployment], { output: 'wide' })).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                     SELECTOR\n' +
      'web    1/3     2            1           10m   web,log      kctl-demo/web:v1,busybox   app=web,tier=front\n',
    );
  });

  test('replicaset', () => {
    expect(print([replicaSet])).toBe(
      'NAME            DESIRED   CURRENT   READY   AGE\n' +
      'web-5d4f8c9b7   3         3         2       10m\n',
    );
    expect(print([replicaSet], { output: 'wide' })).toBe(
      'NAME            DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                     SELECTOR\n' +
      'web-5d4f8c9b7   3         3         2       10m   web,log      kctl-demo/web:v1,busybox   app=web,pod-template-hash=5d4f8c9b7\n',
    );
  });

  test('pods: READY, STATUS and RESTARTS as kubectl computes them', () => {
    expect(print([running, crashing, creating])).toBe(
      'NAME                  READY   STATUS              RESTARTS      AGE\n' +
      'web-5d4f8c9b7-abcde   1/1     Running             0             10m\n' +
      'web-5d4f8c9b7-fghij   0/1     CrashLoopBackOff    5 (30s ago)   10m\n' +
      'web-5d4f8c9b7-klmno   0/1     ContainerCreating   0             10m\n',
    );
  });

  test('pods -o wide: IP, NODE and the short Docker container id', () => {
    expect(print([running, creating], { output: 'wide' })).toBe(
      'NAME                  READY   STATUS              RESTARTS   AGE   IP           NODE        CONTAINER-ID\n' +
      'web-5d4f8c9b7-abcde   1/1     Running             0          10m   172.18.0.3   localhost   0123456789ab\n' +
      'web-5d4f8c9b7-klmno   0/1     ContainerCreating   0          10m   <none>       localhost   <none>\n',
    );
  });

  test('service ports, types and external IPs', () => {
    const svc = (name: string, spec: any, status: any = {}): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: meta(name), spec, status });
    const objects = [
      svc('web', { clusterIP: '10.96.0.10', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
      svc('web-np', { type: 'NodePort', clusterIP: '10.96.0.11', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }),
      svc('web-lb', { type: 'LoadBalancer', clusterIP: '10.96.0.12', ports: [{ port: 443 }] }, { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } }),
      svc('web-pending', { type: 'LoadBalancer', clusterIP: '10.96.0.13', ports: [] }),
    ];
    expect(print(objects)).toBe(
      'NAME          TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)               AGE\n' +
      'web           ClusterIP      10.96.0.10   <none>        80/TCP                10m\n' +
      'web-np        NodePort       10.96.0.11   <none>        80:30080/TCP,53/UDP   10m\n' +
      'web-lb        LoadBalancer   10.96.0.12   127.0.0.1     443/TCP               10m\n' +
      'web-pending   LoadBalancer   10.96.0.13   <pending>     <none>                10m\n',
    );
    expect(print(objects.slice(0, 1), { output: 'wide' })).toBe(
      'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR\n' +
      'web    ClusterIP   10.96.0.10   <none>        80/TCP    10m   app=web\n',
    );
  });

  test('endpoints: three at most, then "+ N more..."', () => {
    const ep = (name: string, subsets: any[]): KObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta(name), subsets });
    const addresses = ['172.18.0.2', '172.18.0.3', '172.18.0.4', '172.18.0.5'].map((ip) => ({ ip }));
    expect(print([ep('web', [{ addresses, ports: [{ port: 8080, protocol: 'TCP' }] }]), ep('db', [{ addresses: addresses.slice(0, 2), ports: [{ port: 5432 }] }]), ep('none', [])])).toBe(
      'NAME   ENDPOINTS                                                     AGE\n' +
      'web    172.18.0.2:8080,172.18.0.3:8080,172.18.0.4:8080 + 1 more...   10m\n' +
      'db     172.18.0.2:5432,172.18.0.3:5432                               10m\n' +
      'none   <none>                                                        10m\n',
    );
  });

  test('configmap, secret, namespace', () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings'), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
    const secret: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('creds'), data: { password: 'aHVudGVyMg==' }, stringData: { user: 'admin' } };
    const tls: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('tls'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eQ==' } };
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', creationTimestamp: ago(3 * 86400 + 4 * 3600) }, status: { phase: 'Active' } };
    expect(print([cm])).toBe('NAME       DATA   AGE\nsettings   3      10m\n');
    expect(print([secret, tls])).toBe(
      'NAME    TYPE                DATA   AGE\n' +
      'creds   Opaque              2      10m\n' +
      'tls     kubernetes.io/tls   2      10m\n',
    );
    expect(print([ns])).toBe('NAME   STATUS   AGE\nshop   Active   3d4h\n');
  });

  test('persistentvolumeclaim', () => {
    const pending: KObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data'), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } };
    const bound: KObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('cache'),
      spec: { volumeName: 'kctl-default-cache', storageClassName: 'local', accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
    };
    expect(print([pending, bound])).toBe(
      'NAME    STATUS    VOLUME               CAPACITY   ACCESS MODES   STORAGECLASS   AGE\n' +
      'data    Pending                                                                 10m\n' +
      'cache   Bound     kctl-default-cache   1Gi        RWO,RWX        local          10m\n',
    );
  });

  test('horizontalpodautoscaler TARGETS', () => {
    const hpa = (name: string, current: any[] | undefined, metrics: any[]): KObject => ({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta(name),
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics },
      status: { currentReplicas: 3, currentMetrics: current },
    });
    const cpu = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } };
    const mem = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } };
    expect(print([hpa('measured', [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 30, averageValue: '15m' } } }], [cpu]), hpa('new', undefined, [cpu, mem, cpu]), hpa('none', undefined, [])])).toBe(
      'NAME       REFERENCE        TARGETS                                                   MINPODS   MAXPODS   REPLICAS   AGE\n' +
      'measured   Deployment/web   cpu: 30%/50%                                              1         10        3          10m\n' +
      'new        Deployment/web   cpu: <unknown>/50%, memory: <unknown>/100Mi + 1 more...   1         10        3          10m\n' +
      'none       Deployment/web   <none>                                                    1         10        3          10m\n',
    );
  });

  test('events: LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-5d4f8c9b7 to 3',
      involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web' },
      firstTimestamp: ago(300),
      lastTimestamp: ago(45),
      count: 2,
      source: 'deployment-controller',
    } as unknown as KObject;
    expect(print([event])).toBe(
      'LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n' +
      '45s         Normal   ScalingReplicaSet   deployment/web   Scaled up replica set web-5d4f8c9b7 to 3\n',
    );
    expect(print([event], { output: 'wide' })).toBe(
      'LAST SEEN   TYPE     REASON              OBJECT           SUBOBJECT   SOURCE                  MESSAGE                                    FIRST SEEN   COUNT   NAME\n' +
      '45s         Normal   ScalingReplicaSet   deployment/web               deployment-controller   Scaled up replica set web-5d4f8c9b7 to 3   5m           2       web.1\n',
    );
  });

  test('an unknown kind prints NAME and AGE', () => {
    expect(print([{ apiVersion: 'x/v1', kind: 'Widget', metadata: meta('w') }])).toBe('NAME   AGE\nw      10m\n');
  });
});

describe('pod STATUS (kubectl printPod)', () => {
  /** The STATUS cell of the pod's row. */
  const status = (p: KObject) => print([p], { noHeaders: true }).split(/\s{3,}/)[2];
  const one = (state: any, extra: any = {}) => pod('p', { phase: 'Running', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state, ...extra }] });

  test.each([
    [one({ waiting: { reason: 'ErrImagePull' } }), 'ErrImagePull'],
    [one({ waiting: { reason: 'ImagePullBackOff' } }), 'ImagePullBackOff'],
    [one({ waiting: { reason: 'CreateContainerConfigError' } }), 'CreateContainerConfigError'],
    [one({ terminated: { exitCode: 137, reason: 'OOMKilled' } }), 'OOMKilled'],
    [one({ terminated: { exitCode: 1, reason: 'Error' } }), 'Error'],
    [one({ terminated: { exitCode: 3 } }), 'ExitCode:3'],
    [one({ terminated: { exitCode: 0, signal: 9 } }), 'Signal:9'],
    [pod('p', { phase: 'Succeeded', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), 'Completed'],
    [pod('p', undefined), 'Pending'],
    [pod('p', { phase: 'Pending' }, { spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'web' }] } }), 'Pending'],
    [
      pod('p', { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { running: {} } }] }, { spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'web' }] } }),
      'Init:0/1',
    ],
    [
      pod('p', { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }, { spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'web' }] } }),
      'Init:CrashLoopBackOff',
    ],
    [
      pod('p', { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }] }, { spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'web' }] } }),
      'Init:ExitCode:2',
    ],
    [{ ...running, metadata: { ...running.metadata, deletionTimestamp: ago(5) } }, 'Terminating'],
  ])('%#', (p, expected) => {
    expect(status(p)).toBe(expected);
  });

  test('a sidecar that is up counts as a ready container; "Completed" with a running container is "Running"', () => {
    const p = pod(
      'p',
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
        initContainerStatuses: [{ name: 'proxy', ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(120) } } }],
        containerStatuses: [
          { name: 'job', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'web', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
      { spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'job' }, { name: 'web' }] } },
    );
    expect(print([p], { noHeaders: true })).toBe('p     2/3   Running   1 (2m ago)   10m\n');
  });
});
