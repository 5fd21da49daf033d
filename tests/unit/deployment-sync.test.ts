import { podTemplateHash } from '../../src/api/pod-template-hash';
import { rfc3339 } from '../../src/api/time';
import { syncDeployment } from '../../src/kinds/deployment/controller/sync';
import { Sim, START, deployment, setImage } from './rollout-sim';

const at = (seconds: number) => rfc3339(new Date(START.getTime() + seconds * 1000));

describe('a new Deployment', () => {
  test('gets a ReplicaSet named by its template hash, labelled, annotated and owned as Kubernetes does', () => {
    const sim = new Sim();
    sim.create(deployment({ replicas: 3, changeCause: 'kctl apply -f web.yaml' }));
    sim.reconcile();
    const dep = sim.deployment('web');
    const hash = podTemplateHash(dep.spec.template);
    const rs = sim.state.get('ReplicaSet', 'default', `web-${hash}`)!;

    expect(rs.metadata).toMatchObject({
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: {
        'kubernetes.io/change-cause': 'kctl apply -f web.yaml',
        'deployment.kubernetes.io/revision': '1',
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: dep.metadata.uid, controller: true }],
    });
    expect(rs.spec).toEqual({
      replicas: 3,
      minReadySeconds: 0,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } }, spec: dep.spec.template.spec },
    });
    expect(dep.spec.template.metadata.labels).toEqual({ app: 'web' }); // the Deployment's own template is untouched
    expect(dep.metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'kctl apply -f web.yaml', 'deployment.kubernetes.io/revision': '1' });
    expect(sim.events(dep)).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    expect(sim.pods(dep).map((p) => p.metadata.labels)).toEqual(Array(3).fill({ app: 'web', 'pod-template-hash': hash }));
  });

  test('reports status and conditions step by step, with Kubernetes reasons, messages and times', () => {
    const sim = new Sim({ readyAfter: 2 });
    sim.create(deployment({ replicas: 3 }));
    const name = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;
    const progressing = () => sim.deployment('web').status.conditions.find((c: any) => c.type === 'Progressing');

    sim.reconcile();
    expect(sim.deployment('web').status).toEqual({
      observedGeneration: 1, replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 3,
      conditions: [
        { type: 'Progressing', status: 'True', lastUpdateTime: at(0), lastTransitionTime: at(0), reason: 'NewReplicaSetCreated', message: `Created new replica set "${name}"` },
        { type: 'Available', status: 'False', lastUpdateTime: at(0), lastTransitionTime: at(0), reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
      ],
    });
    sim.tick();
    expect(progressing()).toEqual({ type: 'Progressing', status: 'True', lastUpdateTime: at(1), lastTransitionTime: at(0), reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.` });
    sim.tick(); // pods become Ready at 2 s; the ReplicaSet reports it after the Deployment's pass
    sim.tick();
    expect(sim.deployment('web').status).toEqual({
      observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: at(3), lastTransitionTime: at(3), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: at(3), lastTransitionTime: at(0), reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.` },
      ],
    });
    // Nothing moves once complete: no needless writes.
    const version = sim.state.data.resourceVersion;
    sim.tick();
    expect(sim.state.data.resourceVersion).toBe(version);
  });

  test('minReadySeconds: pods count as available only after staying Ready that long', () => {
    const sim = new Sim({ readyAfter: 1 });
    sim.create(deployment({ replicas: 2, minReadySeconds: 5 }));
    sim.runUntil(() => sim.deployment('web').status?.readyReplicas === 2, 10);
    expect(sim.deployment('web').status).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    const ticks = sim.runUntil(() => sim.settled(), 20);
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(sim.replicaSets(sim.deployment('web'))[0].spec.minReadySeconds).toBe(5);
  });
});

describe('rollouts', () => {
  test('RollingUpdate events step through the scale-up and scale-down of each ReplicaSet', () => {
    const sim = new Sim({ readyAfter: 1, goneAfter: 0 });
    sim.create(deployment({ replicas: 2, maxSurge: 1, maxUnavailable: 0 }));
    sim.runUntil(() => sim.settled());
    const v1 = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;
    sim.edit('web', setImage('web:v2'));
    const v2 = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;
    sim.runUntil(() => sim.settled());
    expect(sim.events(sim.deployment('web'))).toEqual([
      `Scaled up replica set ${v1} from 0 to 2`,
      `Scaled up replica set ${v2} from 0 to 1`,
      `Scaled down replica set ${v1} from 2 to 1`,
      `Scaled up replica set ${v2} from 1 to 2`,
      `Scaled down replica set ${v1} from 1 to 0`,
    ]);
    expect(sim.deployment('web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  test('Recreate scales the old ReplicaSet to 0 and starts the new one only when its pods are gone', () => {
    const sim = new Sim({ readyAfter: 1, goneAfter: 3 });
    sim.create(deployment({ replicas: 3, strategy: 'Recreate' }));
    sim.runUntil(() => sim.settled());
    const v1 = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;
    sim.edit('web', setImage('web:v2'));
    const v2 = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;

    sim.reconcile();
    expect(sim.events(sim.deployment('web')).at(-1)).toBe(`Scaled down replica set ${v1} from 3 to 0`);
    sim.tick();
    sim.tick();
    // Old pods are still terminating: no new ReplicaSet yet.
    expect(sim.state.get('ReplicaSet', 'default', v2)).toBeUndefined();
    expect(sim.pods(sim.deployment('web'))).toHaveLength(3);
    sim.runUntil(() => sim.settled());
    expect(sim.events(sim.deployment('web')).slice(-2)).toEqual([`Scaled down replica set ${v1} from 3 to 0`, `Scaled up replica set ${v2} from 0 to 3`]);
  });

  test('a ReplicaSet name taken by another template is avoided with the collision count', () => {
    const sim = new Sim();
    const dep = sim.create(deployment({ replicas: 1 }));
    const taken = `web-${podTemplateHash(dep.spec.template)}`;
    sim.state.put({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: taken, namespace: 'default' }, spec: { replicas: 0, template: { spec: { containers: [{ name: 'other', image: 'other' }] } } } });

    expect(syncDeployment(sim.state, dep, sim.now)).toEqual({ requeueAfterMs: 0 });
    expect(dep.status.collisionCount).toBe(1);
    sim.reconcile();
    const mine = sim.replicaSets(dep);
    expect(mine.map((rs) => rs.metadata.name)).toEqual([`web-${podTemplateHash(dep.spec.template, 1)}`]);
    expect(sim.state.get('ReplicaSet', 'default', taken)!.spec.template.spec.containers[0].name).toBe('other');
    expect(dep.status.collisionCount).toBe(1);
  });
});

describe('deletion', () => {
  test('a deleted Deployment takes its ReplicaSets and Pods with it and goes last; nothing is recreated meanwhile', () => {
    const sim = new Sim({ goneAfter: 2 });
    sim.create(deployment({ replicas: 2 }));
    sim.runUntil(() => sim.settled());
    const dep = sim.deployment('web');
    const rs = sim.replicaSets(dep)[0];

    // What `kctl delete` does: mark it; the garbage collector (run by every pass) does the rest.
    dep.metadata.deletionTimestamp = rfc3339(sim.now);
    sim.state.put(dep);
    sim.reconcile();
    expect(sim.pods(dep).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(rs.metadata.deletionTimestamp).toBeDefined();

    const kinds = () => sim.state.all().map((o) => o.kind).sort();
    sim.tick();
    expect(kinds()).toEqual(['Deployment', 'Pod', 'Pod', 'ReplicaSet']); // pods still terminating, none replaced
    sim.runUntil(() => kinds().length === 0, 10);
  });

  test('a Deployment being deleted only has its status refreshed', () => {
    const sim = new Sim();
    const dep = sim.create(deployment({ replicas: 2 }));
    dep.metadata.deletionTimestamp = START.toISOString();
    syncDeployment(sim.state, dep, sim.now);
    expect(sim.state.list('ReplicaSet')).toEqual([]);
    expect(dep.status).toMatchObject({ observedGeneration: 1, replicas: 0 });
  });
});
