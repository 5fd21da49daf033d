import type { KObject } from '../../src/api/types';
import { emptyState, State } from '../../src/store/state';

const randomInt = jest.fn();
jest.mock('crypto', () => ({ ...jest.requireActual('crypto'), randomInt: (n: number) => randomInt(n) }));
// Loaded after the mock, so the generated names follow randomInt.
const { newPod } = require('../../src/kinds/replicaset/controller/new-pod') as typeof import('../../src/kinds/replicaset/controller/new-pod');

const NOW = new Date('2026-01-01T00:00:07Z');
const rs = (extra: Partial<KObject> = {}): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-1', namespace: 'team', uid: 'u-1' },
  spec: { template: { metadata: { labels: { app: 'web' }, annotations: { note: 'x' } }, spec: { containers: [{ name: 'web', image: 'w' }] } } },
  ...extra,
});
/** randomInt answers: index 0 of the alphabet is `b`, 1 is `c`. */
const answers = (...indexes: number[]) => {
  randomInt.mockReset();
  for (const i of indexes) randomInt.mockReturnValueOnce(i);
  randomInt.mockReturnValue(0);
};

describe('newPod', () => {
  test("the template's labels, annotations and spec (a copy), the controller reference, Pending", () => {
    answers();
    const owner = rs();
    const pod = newPod(new State(emptyState()), owner, NOW);
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1-bbbbb', namespace: 'team', creationTimestamp: '2026-01-01T00:00:07Z', labels: { app: 'web' }, annotations: { note: 'x' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u-1', controller: true }] },
      spec: { containers: [{ name: 'web', image: 'w' }] },
      status: { phase: 'Pending' },
    });
    expect(randomInt).toHaveBeenCalledWith(27);
    pod.spec.containers[0].image = 'changed';
    pod.metadata.labels!.app = 'changed';
    expect(owner.spec.template.spec.containers[0].image).toBe('w');
    expect(owner.spec.template.metadata.labels.app).toBe('web');
  });

  test('a template without metadata or spec, in no namespace: no annotations, the default namespace', () => {
    answers();
    const pod = newPod(new State(emptyState()), rs({ metadata: { name: 'web-1', uid: 'u' }, spec: {} }), NOW);
    expect(pod.metadata).not.toHaveProperty('annotations');
    expect(pod.metadata.namespace).toBe('default');
    expect(pod.metadata.labels).toEqual({});
    expect(pod.spec).toEqual({});
  });

  test('a name taken in the namespace is drawn again; after ten clashes the last draw stands', () => {
    const state = new State(emptyState());
    state.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1-bbbbb', namespace: 'team' } });
    answers(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    expect(newPod(state, rs(), NOW).metadata.name).toBe('web-1-ccccc');
    expect(randomInt).toHaveBeenCalledTimes(10);

    answers();
    expect(newPod(state, rs(), NOW).metadata.name).toBe('web-1-bbbbb');
    expect(randomInt).toHaveBeenCalledTimes(50);

    answers();
    expect(newPod(state, rs({ metadata: { name: 'web-1', namespace: 'other', uid: 'u' } }), NOW).metadata.name).toBe('web-1-bbbbb');
    expect(randomInt).toHaveBeenCalledTimes(5);
  });
});

describe('syncReplicaSet when pod creation is refused part-way', () => {
  test("status counts the pods that exist, those made before the refusal included", () => {
    randomInt.mockReset();
    let n = 0;
    randomInt.mockImplementation(() => n++ % 27);
    const { syncReplicaSet } = require('../../src/kinds/replicaset/controller/sync') as typeof import('../../src/kinds/replicaset/controller/sync');
    const state = new State(emptyState());
    const owner = rs({ spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'w' }] } } } });
    state.put(owner);
    syncReplicaSet(state, state.get('ReplicaSet', 'team', 'web-1')!, NOW, { maxPods: 2 });
    const after = state.get('ReplicaSet', 'team', 'web-1')!;
    expect(state.list('Pod')).toHaveLength(2);
    expect(after.status.replicas).toBe(2);
    expect(after.status.conditions[0]).toMatchObject({ type: 'ReplicaFailure', reason: 'FailedCreate' });
    const failed = state.data.events.filter((e) => e.reason === 'FailedCreate').map((e) => e.message);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^Error creating: pods "web-1-\w{5}" is forbidden: exceeded this host's pod capacity: limited: pods=2 \(KCTL_MAX_PODS\)$/);
  });
});
