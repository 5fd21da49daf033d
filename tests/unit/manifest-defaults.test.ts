/** applyDefaults fills what the Kubernetes API server fills, so stored objects and diffs look as on a cluster. */
import { applyDefaults } from '../../src/api/defaults';
import { imageTag } from '../../src/kinds/pod/defaults';
import type { KObject } from '../../src/api/types';

const deployment = (): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            readinessProbe: { httpGet: { port: 80 } },
            env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          },
        ],
        initContainers: [{ name: 'init', image: 'busybox:1.36' }],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
      },
    },
  },
});

test('Deployment: replicas, strategy, history, deadline, pod template and container defaults', () => {
  expect(applyDefaults(deployment())).toEqual({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      minReadySeconds: 0,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          containers: [
            {
              name: 'web',
              image: 'nginx',
              imagePullPolicy: 'Always',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              readinessProbe: {
                httpGet: { port: 80, path: '/', scheme: 'HTTP' },
                initialDelaySeconds: 0,
                periodSeconds: 10,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
              env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } } }],
            },
          ],
          initContainers: [
            { name: 'init', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' },
          ],
          volumes: [{ name: 'cfg', configMap: { name: 'cfg', defaultMode: 0o644 } }],
        },
      },
    },
  });
});

test('values that are set are kept; Recreate gets no rollingUpdate; the input is not mutated', () => {
  const input = deployment();
  input.metadata.namespace = 'prod';
  input.spec.replicas = 0;
  input.spec.strategy = { type: 'Recreate' };
  input.spec.template.spec.containers[0].imagePullPolicy = 'Never';
  const before = JSON.stringify(input);
  const out = applyDefaults(input);
  expect(JSON.stringify(input)).toBe(before);
  expect(out.metadata.namespace).toBe('prod');
  expect(out.spec.replicas).toBe(0);
  expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  expect(out.spec.template.spec.containers[0].imagePullPolicy).toBe('Never');
});

test('idempotent, so diff can compare defaulted objects', () => {
  const once = applyDefaults(deployment());
  expect(applyDefaults(once)).toEqual(once);
});

test('Service: type, port protocol, targetPort = port, sessionAffinity', () => {
  const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }, { port: 443, targetPort: 'https' }] } };
  expect(applyDefaults(svc).spec).toEqual({
    type: 'ClusterIP',
    sessionAffinity: 'None',
    ports: [
      { port: 80, protocol: 'TCP', targetPort: 80 },
      { port: 443, protocol: 'TCP', targetPort: 'https' },
    ],
  });
});

test('Pod, Secret, ConfigMap, PVC, Namespace', () => {
  const pod = applyDefaults({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:latest' }] } });
  expect(pod.spec.restartPolicy).toBe('Never');
  expect(pod.spec.containers[0].imagePullPolicy).toBe('Always');
  expect(applyDefaults({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'Opaque' });
  expect(applyDefaults({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
  expect(applyDefaults({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd' }, spec: {} }).spec).toEqual({ volumeMode: 'Filesystem' });
  expect(applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }).metadata).toEqual({ name: 'dev' });
});

test('HPA: minReplicas, 80% CPU when no metrics; behavior completed only when given', () => {
  const hpa = (spec: object): KObject => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec } });
  expect(applyDefaults(hpa({})).spec).toEqual({
    scaleTargetRef: { kind: 'Deployment', name: 'web' },
    maxReplicas: 5,
    minReplicas: 1,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
  });
  expect(applyDefaults(hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } })).spec.behavior).toEqual({
    scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
    scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
  });
});

test.each([
  ['nginx', 'latest'],
  ['nginx:1.27', '1.27'],
  ['nginx:latest', 'latest'],
  ['localhost:5000/team/app', 'latest'],
  ['localhost:5000/team/app:v2', 'v2'],
  ['nginx@sha256:abcd', undefined],
])('imageTag(%s) = %s', (image, tag) => {
  expect(imageTag(image)).toBe(tag);
});
