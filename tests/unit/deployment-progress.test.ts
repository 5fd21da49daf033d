import type { KObject } from '../../src/api/types';
import { podTemplateHash } from '../../src/api/pod-template-hash';
import { rfc3339 } from '../../src/api/time';
import { syncDeployment } from '../../src/kinds/deployment/controller/sync';
import { rolloutStatus } from '../../src/kinds/deployment/controller/rollout-status';
import { Sim, deployment, setImage } from './rollout-sim';

const progressing = (dep: KObject) => dep.status.conditions.find((c: any) => c.type === 'Progressing');
const available = (dep: KObject) => dep.status.conditions.find((c: any) => c.type === 'Available');
const hashName = (dep: KObject) => `web-${podTemplateHash(dep.spec.template)}`;

describe('progress deadline', () => {
  test('a version whose pods never become Ready times out while the old pods keep serving', () => {
    const sim = new Sim({ brokenImage: 'web:v2' });
    sim.create(deployment({ replicas: 3, progressDeadlineSeconds: 10 }));
    sim.runUntil(() => sim.settled());
    const v1 = hashName(sim.deployment('web'));
    sim.edit('web', setImage('web:v2'));
    const v2 = hashName(sim.deployment('web'));
    sim.reconcile();
    sim.tick();
    const lastProgress = Date.parse(progressing(sim.deployment('web')).lastUpdateTime);
    expect(progressing(sim.deployment('web'))).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${v2}" is progressing.` });

    // The controller asks to be woken when the deadline check is due (a second after it, as Kubernetes).
    const dep = sim.deployment('web');
    expect(syncDeployment(sim.state, dep, sim.now)).toEqual({ requeueAfterMs: lastProgress + 10_000 - sim.now.getTime() + 1000 });

    sim.runUntil(() => progressing(sim.deployment('web')).reason === 'ProgressDeadlineExceeded', 30);
    // Judged strictly after the deadline: the first tick past lastUpdateTime + 10 s.
    expect(sim.now.getTime() - lastProgress).toBe(11_000);
    expect(progressing(sim.deployment('web'))).toEqual({
      type: 'Progressing', status: 'False', lastUpdateTime: rfc3339(sim.now), lastTransitionTime: rfc3339(sim.now),
      reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${v2}" has timed out progressing.`,
    });
    expect(rolloutStatus(sim.deployment('web'), sim.state)).toEqual({ message: 'deployment "web" exceeded its progress deadline', done: false, failed: true });
    expect(syncDeployment(sim.state, sim.deployment('web'), sim.now)).toEqual({ requeueAfterMs: undefined });

    // Kubernetes stops there: no rollback, old pods keep serving, nothing else moves.
    for (let i = 0; i < 20; i++) sim.tick();
    const after = sim.deployment('web');
    expect(after.spec.template.spec.containers[0].image).toBe('web:v2');
    expect(Object.fromEntries(sim.replicaSets(after).map((rs) => [rs.metadata.name, rs.spec.replicas]))).toEqual({ [v1]: 3, [v2]: 1 });
    expect(sim.imagesOf(sim.availablePods(after))).toEqual(['web:v1', 'web:v1', 'web:v1']);
    expect(available(after)).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(progressing(after).reason).toBe('ProgressDeadlineExceeded');

    // A fixed version rolls out and the condition recovers.
    sim.edit('web', setImage('web:v3'));
    sim.runUntil(() => sim.settled(), 50);
    expect(progressing(sim.deployment('web'))).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${hashName(sim.deployment('web'))}" has successfully progressed.` });
    expect(sim.imagesOf(sim.pods(sim.deployment('web')))).toEqual(['web:v3', 'web:v3', 'web:v3']);
  });

  test('a broken running version is replaced even with maxSurge 0: its unavailable pods go first', () => {
    const sim = new Sim({ brokenImage: 'web:v1' });
    sim.create(deployment({ replicas: 3, maxSurge: 0, maxUnavailable: 1 }));
    for (let i = 0; i < 5; i++) sim.tick();
    expect(sim.availablePods(sim.deployment('web'))).toHaveLength(0);
    sim.edit('web', setImage('web:v2'));
    sim.runUntil(() => sim.settled(), 50);
    expect(sim.imagesOf(sim.pods(sim.deployment('web')))).toEqual(['web:v2', 'web:v2', 'web:v2']);
  });

  test('while the new version is broken, losing an old pod does not let the new ReplicaSet grow', () => {
    // Kubernetes' example in reconcileOldReplicaSets: 10 replicas, maxSurge 3, maxUnavailable 2.
    const sim = new Sim({ brokenImage: 'web:v2' });
    sim.create(deployment({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }));
    sim.runUntil(() => sim.settled());
    const v1 = hashName(sim.deployment('web'));
    sim.edit('web', setImage('web:v2'));
    const v2 = hashName(sim.deployment('web'));
    const sizes = () => Object.fromEntries(sim.replicaSets(sim.deployment('web')).map((rs) => [rs.metadata.name, rs.spec.replicas]));
    for (let i = 0; i < 10; i++) sim.tick();
    expect(sizes()).toEqual({ [v1]: 8, [v2]: 5 });

    const lost = sim.activePods(sim.deployment('web')).find((p) => p.spec.containers[0].image === 'web:v1')!;
    lost.status.conditions[0] = { type: 'Ready', status: 'False', lastTransitionTime: rfc3339(sim.now) };
    sim.state.put(lost);
    for (let i = 0; i < 10; i++) sim.tick();
    expect(sizes()).toEqual({ [v1]: 8, [v2]: 5 });
  });
});

describe('pause and resume', () => {
  test('paused: the template change waits, time paused does not count against the deadline, resume rolls out', () => {
    const sim = new Sim();
    sim.create(deployment({ replicas: 2, progressDeadlineSeconds: 10 }));
    sim.runUntil(() => sim.settled());
    sim.edit('web', (d) => (d.spec.paused = true));
    sim.reconcile();
    expect(progressing(sim.deployment('web'))).toEqual({
      type: 'Progressing', status: 'Unknown', lastUpdateTime: rfc3339(sim.now), lastTransitionTime: rfc3339(sim.now), reason: 'DeploymentPaused', message: 'Deployment is paused',
    });

    sim.edit('web', setImage('web:v2'));
    for (let i = 0; i < 30; i++) sim.tick();
    const paused = sim.deployment('web');
    expect(sim.replicaSets(paused)).toHaveLength(1);
    expect(sim.imagesOf(sim.pods(paused))).toEqual(['web:v1', 'web:v1']);
    expect(progressing(paused).reason).toBe('DeploymentPaused');
    expect(rolloutStatus(paused, sim.state).message).toBe('Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...');

    sim.edit('web', (d) => (d.spec.paused = false));
    sim.reconcile();
    const resumed = sim.deployment('web');
    expect(progressing(resumed)).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', lastTransitionTime: rfc3339(sim.now) });
    sim.runUntil(() => sim.settled(), 20);
    expect(progressing(sim.deployment('web')).reason).toBe('NewReplicaSetAvailable');
    expect(sim.imagesOf(sim.pods(sim.deployment('web')))).toEqual(['web:v2', 'web:v2']);
  });

  test('an exceeded deadline stays visible when the Deployment is paused', () => {
    const sim = new Sim({ brokenImage: 'web:v2' });
    sim.create(deployment({ replicas: 1, progressDeadlineSeconds: 5 }));
    sim.runUntil(() => sim.settled());
    sim.edit('web', setImage('web:v2'));
    sim.runUntil(() => progressing(sim.deployment('web')).reason === 'ProgressDeadlineExceeded', 20);
    sim.edit('web', (d) => (d.spec.paused = true));
    sim.tick();
    expect(progressing(sim.deployment('web')).reason).toBe('ProgressDeadlineExceeded');
  });
});

describe('rollout status', () => {
  const dep = (generation: number, status: Record<string, unknown>, replicas = 3): KObject => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', generation }, spec: { replicas }, status,
  });
  const deadline = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' };

  test.each([
    ['Waiting for deployment spec update to be observed...', dep(2, { observedGeneration: 1, conditions: [deadline] }), false, false],
    ['deployment "web" exceeded its progress deadline', dep(2, { observedGeneration: 2, updatedReplicas: 1, conditions: [deadline] }), false, true],
    ['Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...', dep(2, { observedGeneration: 2, replicas: 4, updatedReplicas: 2 }), false, false],
    ['Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...', dep(2, { observedGeneration: 2, replicas: 4, updatedReplicas: 3 }), false, false],
    ['Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...', dep(2, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), false, false],
    ['deployment "web" successfully rolled out', dep(2, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), true, false],
    ['Waiting for deployment spec update to be observed...', dep(1, {}, 0), false, false],
  ])('%s', (message, d, done, failed) => {
    expect(rolloutStatus(d)).toEqual({ message, done, failed });
  });

  test('with the state, the stored Deployment is judged, not the caller\'s old copy', () => {
    const sim = new Sim();
    const stale = structuredClone(sim.create(deployment({ replicas: 1 })));
    sim.runUntil(() => sim.settled());
    expect(rolloutStatus(stale).done).toBe(false);
    expect(rolloutStatus(stale, sim.state)).toEqual({ message: 'deployment "web" successfully rolled out', done: true, failed: false });
  });
});
