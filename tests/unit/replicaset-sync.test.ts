import type { KObject } from '../../src/api/types';
import { State, emptyState } from '../../src/store/state';
import { BURST_REPLICAS, syncReplicaSet } from '../../src/kinds/replicaset/controller/sync';
import { isPodAvailable, isPodReady } from '../../src/api/pod-status';
import { START } from './rollout-sim';

const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

function setup(replicas: number, minReadySeconds = 0, maxPods = 10_000) {
  let now = START;
  const state = new State(emptyState(), () => now);
  const rs = state.put({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-abc', namespace: 'default', generation: 1, labels: { app: 'web', 'pod-template-hash': 'abc' } },
    spec: {
      replicas,
      minReadySeconds,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } },
      template: { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' }, annotations: { note: 'x' } }, spec: { containers: [{ name: 'app', image: 'web:v1' }] } },
    },
  });
  const pods = () => state.list('Pod').filter((p) => !p.metadata.deletionTimestamp);
  const sync = (t: Date) => {
    now = t;
    return syncReplicaSet(state, rs, t, { maxPods });
  };
  return { state, rs, pods, sync };
}

function makeReady(pod: KObject, since: Date): void {
  pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: since.toISOString() }] };
}

describe('ReplicaSet controller', () => {
  test('creates missing Pods from the template, owned by the ReplicaSet, and records each', () => {
    const { state, rs, pods, sync } = setup(3);
    expect(sync(START)).toEqual({ requeueAfterMs: undefined });
    expect(pods()).toHaveLength(3);
    for (const pod of pods()) {
      expect(pod.metadata.name).toMatch(/^web-abc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': 'abc' });
      expect(pod.metadata.annotations).toEqual({ note: 'x' });
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid, controller: true }]);
      expect(pod.spec).toEqual({ containers: [{ name: 'app', image: 'web:v1' }] });
      expect(pod.status).toEqual({ phase: 'Pending' });
    }
    expect(new Set(pods().map((p) => p.metadata.name)).size).toBe(3);
    expect(state.eventsFor(rs).map((e) => `${e.reason} ${e.message}`).sort()).toEqual(pods().map((p) => `SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 0, availableReplicas: 0, observedGeneration: 1 });
    // The template's Pods are not touched again: the step is idempotent.
    const names = pods().map((p) => p.metadata.name);
    sync(at(1));
    expect(pods().map((p) => p.metadata.name)).toEqual(names);
  });

  test('no more pods than the host has room for: the refusal is FailedCreate and ReplicaFailure, retried later', () => {
    const { rs, pods, sync, state } = setup(1_000_000_000, 0, 3);
    expect(sync(at(0))).toEqual({ requeueAfterMs: 10_000 });
    expect(pods()).toHaveLength(3);
    const message = /^pods "web-abc-[a-z0-9]{5}" is forbidden: exceeded this host's pod capacity: limited: pods=3 \(KCTL_MAX_PODS\)$/;
    expect(rs.status.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: expect.any(String), reason: 'FailedCreate', message: expect.stringMatching(message) }]);
    expect(state.eventsFor(rs).map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'FailedCreate']);
    sync(at(10));
    expect(pods()).toHaveLength(3); // the state stays bounded, whatever replicas asks
    rs.spec.replicas = 3;
    sync(at(20));
    expect(rs.status.conditions).toBeUndefined();
  });

  test('creates and deletes at most BURST_REPLICAS pods per sync, and asks to come back at once until done', () => {
    const { rs, pods, sync } = setup(BURST_REPLICAS * 2 + 7);
    expect(sync(START)).toEqual({ requeueAfterMs: 0 });
    expect(pods()).toHaveLength(BURST_REPLICAS);
    expect(sync(at(1))).toEqual({ requeueAfterMs: 0 });
    expect(pods()).toHaveLength(BURST_REPLICAS * 2);
    expect(sync(at(2))).toEqual({ requeueAfterMs: undefined });
    expect(pods()).toHaveLength(BURST_REPLICAS * 2 + 7);
    rs.spec.replicas = 3;
    expect(sync(at(3))).toEqual({ requeueAfterMs: 0 });
    expect(pods()).toHaveLength(BURST_REPLICAS + 7);
    sync(at(4));
    expect(pods()).toHaveLength(7);
    expect(sync(at(5))).toEqual({ requeueAfterMs: undefined });
    expect(pods()).toHaveLength(3);
  });

  test('deletes extras pending first, then not-ready, then most recently ready, then newest', () => {
    const { state, rs, pods, sync } = setup(5);
    sync(START);
    const [a, b, c, d, e] = pods();
    a.metadata.creationTimestamp = at(-50).toISOString();
    b.metadata.creationTimestamp = at(-40).toISOString();
    makeReady(a, at(-30)); // ready longest
    makeReady(b, at(-10)); // ready most recently
    makeReady(c, at(-20));
    d.metadata.creationTimestamp = at(-5).toISOString(); // running but not ready
    d.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: at(-1).toISOString() }] };
    e.metadata.creationTimestamp = at(-6).toISOString(); // still pending, though older than d

    rs.spec.replicas = 4;
    sync(at(1));
    expect(victims(state)).toEqual([e.metadata.name]);
    rs.spec.replicas = 3;
    sync(at(2));
    expect(victims(state)).toEqual([d.metadata.name, e.metadata.name].sort());
    rs.spec.replicas = 1;
    sync(at(3));
    expect(pods().map((p) => p.metadata.name)).toEqual([a.metadata.name]);
    expect(state.eventsFor(rs).filter((ev) => ev.reason === 'SuccessfulDelete').map((ev) => ev.message)).toEqual([e, d, b, c].map((p) => `Deleted pod: ${p.metadata.name}`));
    // Pods being deleted are not counted, so none is replaced.
    expect(rs.status.replicas).toBe(1);
    expect(state.list('Pod')).toHaveLength(5);
  });

  test('availability waits minReadySeconds after Ready, and the controller asks to be woken then', () => {
    const { rs, pods, sync } = setup(2, 10);
    sync(START);
    const [a, b] = pods();
    makeReady(a, at(5));
    makeReady(b, at(8));
    expect(sync(at(9))).toEqual({ requeueAfterMs: 6001 }); // a is available strictly after 15 s
    expect(rs.status).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    expect(sync(at(15))).toEqual({ requeueAfterMs: 1 });
    expect(rs.status.availableReplicas).toBe(0);
    expect(sync(at(15.001))).toEqual({ requeueAfterMs: 3000 });
    expect(rs.status.availableReplicas).toBe(1);
    expect(sync(at(19))).toEqual({ requeueAfterMs: undefined });
    expect(rs.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  test('replaces finished Pods and counts only labelled ones as fully labelled', () => {
    const { rs, pods, sync } = setup(2);
    sync(START);
    pods()[0].status = { phase: 'Failed' };
    delete pods()[1].metadata.labels!['pod-template-hash'];
    sync(at(1));
    expect(rs.status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 1 });
  });

  test('a ReplicaSet being deleted only reports status', () => {
    const { rs, pods, sync } = setup(2);
    rs.metadata.deletionTimestamp = START.toISOString();
    sync(START);
    expect(pods()).toHaveLength(0);
    expect(rs.status.replicas).toBe(0);
  });
});

describe('pod-status helpers', () => {
  test('isPodReady and isPodAvailable follow the Ready condition and its lastTransitionTime', () => {
    const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };
    expect([isPodReady(pod), isPodAvailable(pod, 0, START)]).toEqual([false, false]);
    makeReady(pod, START);
    expect([isPodReady(pod), isPodAvailable(pod, 0, START)]).toEqual([true, true]);
    expect(isPodAvailable(pod, 5, at(5))).toBe(false);
    expect(isPodAvailable(pod, 5, at(5.001))).toBe(true);
    pod.status.conditions[0].status = 'False';
    expect(isPodAvailable(pod, 0, at(10))).toBe(false);
  });
});

function victims(state: State): string[] {
  return state.list('Pod').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
}
