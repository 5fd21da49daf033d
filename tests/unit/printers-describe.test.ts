// Describe output depends on the local time zone (RFC1123Z timestamps); pin it before any Date is used.
process.env.TZ = 'UTC';

import type { KEvent, KObject } from '../../src/api/types';
import { describe as describeObject } from '../../src/printers';

const now = new Date('2024-05-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');

const DEPLOYMENT = [
  "Name:                   web",
  "Namespace:              default",
  "CreationTimestamp:      Wed, 01 May 2024 11:50:00 +0000",
  "Labels:                 app=web",
  "Annotations:            deployment.kubernetes.io/revision: 2",
  "Selector:               app=web",
  "Replicas:               3 desired | 3 updated | 4 total | 3 available | 0 unavailable",
  "StrategyType:           RollingUpdate",
  "MinReadySeconds:        0",
  "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
  "Pod Template:",
  "  Labels:  app=web",
  "  Containers:",
  "   web:",
  "    Image:      kctl-demo/web:v2",
  "    Port:       8080/TCP",
  "    Host Port:  0/TCP",
  "    Readiness:  http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3",
  "    Environment:",
  "      MODE:      prod",
  "      PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
  "    Mounts:",
  "      /etc/web from config (ro)",
  "  Volumes:",
  "   config:",
  "    Type:          ConfigMap (a volume populated by a ConfigMap)",
  "    Name:          web-config",
  "    Optional:      false",
  "  Node-Selectors:  <none>",
  "  Tolerations:     <none>",
  "Conditions:",
  "  Type           Status  Reason",
  "  ----           ------  ------",
  "  Available      True    MinimumReplicasAvailable",
  "  Progressing    True    NewReplicaSetAvailable",
  "OldReplicaSets:  web-6b7c8d9f5 (1/1 replicas created)",
  "NewReplicaSet:   web-7f8d9c6b5 (3/3 replicas created)",
  "Events:",
  "  Type    Reason             Age               From                   Message",
  "  ----    ------             ----              ----                   -------",
  "  Normal  ScalingReplicaSet  10m               deployment-controller  Scaled up replica set web-6b7c8d9f5 to 3",
  "  Normal  ScalingReplicaSet  45s (x2 over 5m)  deployment-controller  Scaled up replica set web-7f8d9c6b5 to 3",
].join('\n') + '\n';
const POD = [
  "Name:         web-7f8d9c6b5-abcde",
  "Namespace:    default",
  "Node:         localhost/127.0.0.1",
  "Start Time:   Wed, 01 May 2024 11:50:01 +0000",
  "Labels:       app=web",
  "              pod-template-hash=7f8d9c6b5",
  "Annotations:  <none>",
  "Status:       Running",
  "IP:           172.18.0.3",
  "IPs:",
  "  IP:           172.18.0.3",
  "Controlled By:  ReplicaSet/web-7f8d9c6b5",
  "Containers:",
  "  web:",
  "    Container ID:   docker://abc123",
  "    Image:          kctl-demo/web:v2",
  "    Image ID:       sha256:def456",
  "    Port:           8080/TCP",
  "    Host Port:      0/TCP",
  "    State:          Running",
  "      Started:      Wed, 01 May 2024 11:55:00 +0000",
  "    Last State:     Terminated",
  "      Reason:       OOMKilled",
  "      Exit Code:    137",
  "      Started:      Wed, 01 May 2024 11:50:02 +0000",
  "      Finished:     Wed, 01 May 2024 11:54:59 +0000",
  "    Ready:          True",
  "    Restart Count:  1",
  "    Limits:",
  "      cpu:     500m",
  "      memory:  128Mi",
  "    Requests:",
  "      cpu:     250m",
  "    Liveness:  exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3",
  "    Environment:",
  "      PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
  "      POD:       web-7f8d9c6b5-abcde (v1:metadata.name)",
  "    Mounts:      <none>",
  "Conditions:",
  "  Type              Status",
  "  Initialized       True ",
  "  Ready             True ",
  "  ContainersReady   True ",
  "  PodScheduled      True ",
  "Volumes:            <none>",
  "QoS Class:          Burstable",
  "Node-Selectors:     <none>",
  "Tolerations:        <none>",
  "Events:             <none>",
].join('\n') + '\n';

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: {
    containers: [
      {
        name: 'web',
        image,
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        env: [{ name: 'MODE', value: 'prod' }, { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
        readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
        volumeMounts: [{ name: 'config', mountPath: '/etc/web', readOnly: true }],
      },
    ],
    volumes: [{ name: 'config', configMap: { name: 'web-config' } }],
  },
});

const deployment: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'dep-1',
    creationTimestamp: '2024-05-01T11:50:00Z',
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '2', 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}' },
  },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template: template('kctl-demo/web:v2') },
  status: {
    replicas: 4,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};

function replicaSet(name: string, image: string, replicas: number, created: string): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: name, creationTimestamp: created, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'dep-1', controller: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template(image, name.slice(4)) },
    status: { replicas },
  };
}

const event = (reason: string, message: string, first: number, last: number, count: number): KEvent => ({
  type: 'Normal',
  reason,
  message,
  involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web', uid: 'dep-1' },
  firstTimestamp: ago(first),
  lastTimestamp: ago(last),
  count,
  source: 'deployment-controller',
});

describe('describe deployment', () => {
  const replicaSets = [
    replicaSet('web-7f8d9c6b5', 'kctl-demo/web:v2', 3, '2024-05-01T11:54:00Z'),
    replicaSet('web-6b7c8d9f5', 'kctl-demo/web:v1', 1, '2024-05-01T11:50:00Z'),
    replicaSet('web-5a5a5a5a5', 'kctl-demo/web:v0', 0, '2024-05-01T11:40:00Z'),
    { ...replicaSet('other-1', 'x', 1, '2024-05-01T11:40:00Z'), metadata: { name: 'other-1', namespace: 'default', ownerReferences: [] } },
  ];
  const events = [
    event('ScalingReplicaSet', 'Scaled up replica set web-7f8d9c6b5 to 3', 300, 45, 2),
    event('ScalingReplicaSet', 'Scaled up replica set web-6b7c8d9f5 to 3', 600, 600, 1),
  ];

  test('kubectl layout: sections, pod template, conditions, replica sets, events oldest first', () => {
    expect(describeObject(deployment, { events, replicaSets, now })).toBe(DEPLOYMENT);
  });

  test('no events: "Events:  <none>", aligned with what comes before it', () => {
    const text = describeObject({ ...deployment, status: {} }, { events: [], replicaSets: [], now });
    expect(text.split('\n').slice(-6)).toEqual(['  Node-Selectors:  <none>', '  Tolerations:     <none>', 'OldReplicaSets:    <none>', 'NewReplicaSet:     <none>', 'Events:            <none>', '']);
  });

  test('a secret-backed variable shows where it comes from', () => {
    const text = describeObject(deployment, { events, replicaSets, now });
    expect(text).toContain("PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false");
  });
});

describe('describe pod', () => {
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-7f8d9c6b5-abcde',
      namespace: 'default',
      creationTimestamp: '2024-05-01T11:50:00Z',
      labels: { 'pod-template-hash': '7f8d9c6b5', app: 'web' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7f8d9c6b5', uid: 'rs-1', controller: true }],
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'kctl-demo/web:v2',
          ports: [{ containerPort: 8080 }],
          env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          resources: { limits: { memory: '128Mi', cpu: '500m' }, requests: { cpu: '250m' } },
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5 },
        },
      ],
    },
    status: {
      phase: 'Running',
      podIP: '172.18.0.3',
      startTime: '2024-05-01T11:50:01Z',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
      containerStatuses: [
        {
          name: 'web',
          ready: true,
          restartCount: 1,
          containerID: 'docker://abc123',
          imageID: 'sha256:def456',
          state: { running: { startedAt: '2024-05-01T11:55:00Z' } },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2024-05-01T11:50:02Z', finishedAt: '2024-05-01T11:54:59Z' } },
        },
      ],
    },
  };

  test('kubectl layout: containers with state, last state, resources, probes, env; conditions; QoS', () => {
    expect(describeObject(pod, { events: [], now })).toBe(POD);
  });

  test('a waiting container, a deleted pod', () => {
    const waiting = {
      ...pod,
      metadata: { ...pod.metadata, deletionTimestamp: ago(20) },
      spec: { containers: [{ name: 'web', image: 'nope:latest' }] },
      status: { phase: 'Pending', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, image: 'nope:latest', state: { waiting: { reason: 'ErrImagePull' } } }] },
    };
    const text = describeObject(waiting, { events: [], now });
    expect(text).toContain('\nStatus:                    Terminating (lasts 20s)\nTermination Grace Period:  30s\n');
    expect(text).toContain('\n    State:          Waiting\n      Reason:       ErrImagePull\n    Ready:          False\n');
    expect(text).toContain('\nQoS Class:          BestEffort\n');
  });
});

test('QoS class compares quantities by value (0.5 cpu is 500m)', () => {
  const withResources = (resources: any): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'x', resources }] } });
  const qos = (resources: any) => /QoS Class: +(\w+)/.exec(describeObject(withResources(resources), { events: [], now }))![1];
  expect(qos({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '0.5' } })).toBe('Guaranteed');
  expect(qos({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } })).toBe('Burstable');
  expect(qos({ limits: { cpu: '500m' } })).toBe('Burstable');
  expect(qos({ requests: { cpu: '0' } })).toBe('BestEffort');
});

describe('describe configmap, secret, service, namespace', () => {
  test('configmap shows keys and values', () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'prod', 'a.conf': 'x=1\n' }, binaryData: { logo: 'iVBORw0K' } };
    expect(describeObject(cm, { events: [], now })).toBe(
      [
        'Name:         settings',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'a.conf:',
        '----',
        'x=1',
        '',
        'mode:',
        '----',
        'prod',
        '',
        'BinaryData',
        '====',
        'logo: 6 bytes',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  test('secret shows sizes, never values', () => {
    const secret: KObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'default', labels: { app: 'db' } },
      type: 'Opaque',
      data: { password: Buffer.from('hunter2!').toString('base64') },
      stringData: { user: 'admin' },
    };
    const text = describeObject(secret, { events: [], now });
    expect(text).toBe(
      [
        'Name:         db',
        'Namespace:    default',
        'Labels:       app=db',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'password:  8 bytes',
        'user:      5 bytes',
        '',
      ].join('\n'),
    );
    expect(text).not.toMatch(/hunter2|aHVudGVy|admin/);
  });

  test('service with its endpoints per port', () => {
    const svc: KObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    };
    const endpoints: KObject[] = [
      { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: [{ ip: '172.18.0.2' }, { ip: '172.18.0.3' }], ports: [{ name: 'http', port: 8080 }] }] },
    ];
    expect(describeObject(svc, { events: [], endpoints, now })).toBe(
      [
        'Name:              web',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          app=web',
        'Type:              ClusterIP',
        'IP Families:       <none>',
        'IP:                10.96.0.10',
        'IPs:               10.96.0.10',
        'Port:              http  80/TCP',
        'TargetPort:        8080/TCP',
        'Endpoints:         172.18.0.2:8080,172.18.0.3:8080',
        'Session Affinity:  None',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  test('namespace', () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } }, status: { phase: 'Active' } };
    expect(describeObject(ns, { events: [], now })).toBe(
      ['Name:         shop', 'Labels:       kubernetes.io/metadata.name=shop', 'Annotations:  <none>', 'Status:       Active', '', 'No resource quota.', '', 'No LimitRange resource.', ''].join('\n'),
    );
  });
});

describe('describe replicaset, hpa, pvc', () => {
  test('replicaset: owner, replicas and pod phases', () => {
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-7f8d9c6b5', namespace: 'default', uid: 'rs-1', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'dep-1', controller: true }] },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
      status: { replicas: 3 },
    };
    const owned = (phase: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: phase, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7f8d9c6b5', uid: 'rs-1', controller: true }] }, status: { phase } });
    const text = describeObject(rs, { events: [], pods: [owned('Running'), owned('Running'), owned('Pending'), { ...owned('Failed'), metadata: { name: 'stranger' } }], now });
    expect(text.split('\n').slice(0, 9)).toEqual([
      'Name:           web-7f8d9c6b5',
      'Namespace:      default',
      'Selector:       app=web',
      'Labels:         app=web',
      'Annotations:    <none>',
      'Controlled By:  Deployment/web',
      'Replicas:       3 current / 3 desired',
      'Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed',
      'Pod Template:',
    ]);
  });

  test('hpa: metrics as current / target, conditions', () => {
    const hpa: KObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default', creationTimestamp: '2024-05-01T11:50:00Z' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
      status: {
        currentReplicas: 2,
        desiredReplicas: 2,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 30, averageValue: '15m' } } }],
        conditions: [{ type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' }],
      },
    };
    expect(describeObject(hpa, { events: [], now })).toBe(
      [
        'Name:                                                  web',
        'Namespace:                                             default',
        'Labels:                                                <none>',
        'Annotations:                                           <none>',
        'CreationTimestamp:                                     Wed, 01 May 2024 11:50:00 +0000',
        'Reference:                                             Deployment/web',
        'Metrics:                                               ( current / target )',
        '  resource cpu on pods  (as a percentage of request):  30% (15m) / 50%',
        'Min replicas:                                          1',
        'Max replicas:                                          5',
        'Deployment pods:                                       2 current / 2 desired',
        'Conditions:',
        '  Type         Status  Reason            Message',
        '  ----         ------  ------            -------',
        '  AbleToScale  True    ReadyForNewScale  recommended size matches current size',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });

  test('pvc: bound volume and the pods that use it', () => {
    const pvc: KObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default', finalizers: ['kubernetes.io/pvc-protection'] },
      spec: { volumeName: 'kctl-data', storageClassName: 'local', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
    };
    const user = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
    expect(describeObject(pvc, { events: [], pods: [user('db-1'), user('db-0'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other' }, spec: {} }], now })).toBe(
      [
        'Name:          data',
        'Namespace:     default',
        'StorageClass:  local',
        'Status:        Bound',
        'Volume:        kctl-data',
        'Labels:        <none>',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      1Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       db-0',
        '               db-1',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });
});
