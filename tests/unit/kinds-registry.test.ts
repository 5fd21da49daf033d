/**
 * The kind registry (src/kinds): every kind has one definition; the controllers run in registry order; a verb
 * refuses a kind without the capability it needs, with kubectl's words; a kind's implementations load only
 * when asked for.
 */
import { KINDS } from '../../src/api/kinds';
import { syncObjects } from '../../src/controllers/manager';
import { kindDefinition, kindDefinitions, kindsInCategory, kindsWith } from '../../src/kinds/registry';
import { SCALE_TARGET_KINDS } from '../../src/kinds/horizontalpodautoscaler/validate';
import { emptyState, State } from '../../src/store/state';
import { fakeCliEnv, runCli } from '../helpers/cli';

describe('the registry', () => {
  test('one definition for every kind kctl knows, under its own name', () => {
    expect(kindDefinitions().map((d) => d.kind).sort()).toEqual(KINDS.map((k) => k.kind).sort());
    for (const k of KINDS) expect(kindDefinition(k.kind)?.kind).toBe(k.kind);
    expect(kindDefinition('PodTemplate')).toBeUndefined();
    expect(kindDefinition(undefined)).toBeUndefined();
  });

  test("the HPA manifest check accepts as targets exactly the kinds with the scale capability", () => {
    expect(kindsWith((d) => d.scale).map((d) => d.kind)).toEqual(SCALE_TARGET_KINDS);
  });

  test('the controllers run in registry order: HPAs, Deployments (then auto-rollback), ReplicaSets, DaemonSets, StatefulSets, ReplicationControllers, CronJobs, Jobs (then TTL), gc, Services, Endpoints, Ingresses, the volume binder', () => {
    const steps = kindDefinitions().flatMap((d) => [...(d.collectGarbageFirst ? ['gc'] : []), ...(d.sync ?? []).map(() => d.kind)]);
    expect(steps).toEqual(['HorizontalPodAutoscaler', 'Deployment', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController', 'CronJob', 'Job', 'Job', 'gc', 'Service', 'Endpoints', 'Ingress', 'PersistentVolumeClaim', 'PersistentVolume', 'CustomResourceDefinition']);
  });

  test('`get all` lists its kinds in kubectl order: core group, then apps, autoscaling, batch', () => {
    expect(kindsInCategory('all').map((d) => d.kind)).toEqual(['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job']);
  });

  test('a Deployment scaled by its HPA sizes its ReplicaSet, which makes the pods, in one pass', () => {
    const state = new State(emptyState());
    const now = new Date('2026-01-01T00:00:00Z');
    const labels = { app: 'web' };
    state.put({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', generation: 1 }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'web:1' }] } } } });
    state.put({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default', generation: 1 }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 3, maxReplicas: 5 } });
    syncObjects(state, now);
    expect(state.list('ReplicaSet').map((rs) => rs.spec.replicas)).toEqual([3]);
    expect(state.list('Pod')).toHaveLength(3);
  });

  test('columns load only the printer, not the controllers', () => {
    jest.isolateModules(() => {
      jest.doMock('../../src/kinds/deployment/controller/sync', () => {
        throw new Error('the Deployment controller was loaded');
      });
      const registry = require('../../src/kinds/registry') as typeof import('../../src/kinds/registry');
      expect(registry.kindDefinition('Deployment')!.columns!.headers(false)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    });
  });
});

describe('a verb refuses a kind without its capability, as kubectl words it', () => {
  const kctl = (line: string) => runCli(line, fakeCliEnv());

  test.each([
    ['scale configmap/x --replicas 2', 'error: cannot scale configmaps: only deployments, replicasets, statefulsets and replicationcontrollers can be scaled\n'],
    ['autoscale configmap/x --max 3', 'error: cannot autoscale a ConfigMap: not scalable\nhint: autoscale a deployment, replicaset, statefulset or replicationcontroller\n'],
    ['set image pod/x web=web:2', 'error: cannot set the image of pods: only deployments, replicasets, daemonsets, statefulsets, replicationcontrollers, cronjobs and jobs have a pod template kctl rolls out\n'],
    ['expose configmap x --port 80', 'error: cannot expose a ConfigMap\nhint: expose a deployment, replicaset, replicationcontroller, pod or service\n'],
    ['port-forward configmap/x 8080:80', 'error: cannot port-forward to configmaps: only pods, replicationcontrollers, services, daemonsets, deployments, replicasets, statefulsets and jobs\n'],
    ['rollout status service/x', 'error: no status viewer has been implemented for Service\n'],
    ['rollout undo replicaset/x', 'error: no rollbacker has been implemented for "ReplicaSet.apps"\n'],
  ])('%s', async (line, stderr) => {
    const result = await kctl(line);
    expect(result.stderr).toBe(stderr);
    expect(result.stdout).toBe('');
    expect(result.code).not.toBe(0);
  });
});
