import type { KObject } from '../../src/api/types';
import { podsToDelete } from '../../src/kinds/replicaset/controller/victims';
import { replicaSetStatus } from '../../src/kinds/replicaset/controller/status';

interface PodFacts {
  phase?: string;
  ready?: boolean;
  readySince?: string;
  restarts?: number[];
  created?: string;
  labels?: Record<string, string>;
}

function pod(name: string, facts: PodFacts = {}): KObject {
  const conditions = facts.ready === undefined ? undefined : [{ type: 'Ready', status: facts.ready ? 'True' : 'False', ...(facts.readySince ? { lastTransitionTime: facts.readySince } : {}) }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: facts.labels ?? { app: 'web' }, ...(facts.created ? { creationTimestamp: facts.created } : {}) },
    spec: {},
    status: {
      ...(facts.phase ? { phase: facts.phase } : {}),
      ...(conditions ? { conditions } : {}),
      ...(facts.restarts ? { containerStatuses: facts.restarts.map((restartCount, i) => ({ name: `c${i}`, restartCount })) } : {}),
    },
  };
}

const order = (pods: KObject[], count = pods.length) => podsToDelete(pods, count).map((p) => p.metadata.name);
const T = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString().replace('.000Z', 'Z');

describe('podsToDelete: the order of Kubernetes ActivePodsWithRanks', () => {
  test('pending, then unknown, then running; a pod without phase counts as pending', () => {
    expect(order([pod('run', { phase: 'Running' }), pod('unk', { phase: 'Unknown' }), pod('pend', { phase: 'Pending' })])).toEqual(['pend', 'unk', 'run']);
    expect(order([pod('run', { phase: 'Running' }), pod('none')])).toEqual(['none', 'run']);
    expect(order([pod('none'), pod('run', { phase: 'Running' })])).toEqual(['none', 'run']);
  });

  test('not ready before ready, whichever comes first and whatever the names', () => {
    expect(order([pod('a-ready', { phase: 'Running', ready: true }), pod('z-not', { phase: 'Running', ready: false })])).toEqual(['z-not', 'a-ready']);
    expect(order([pod('z-not', { phase: 'Running', ready: false }), pod('a-ready', { phase: 'Running', ready: true })])).toEqual(['z-not', 'a-ready']);
  });

  test('a pod without status is pending; the time a not-ready pod turned not ready does not count', () => {
    const bare: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'z-bare' }, spec: {} };
    expect(order([pod('a-run', { phase: 'Running' }), bare])).toEqual(['z-bare', 'a-run']);
    expect(order([bare, pod('a-run', { phase: 'Running' })])).toEqual(['z-bare', 'a-run']);
    const early = pod('early', { phase: 'Running', ready: false, readySince: T(1), restarts: [0] });
    const late = pod('late', { phase: 'Running', ready: false, readySince: T(9), restarts: [2] });
    expect(order([early, late])).toEqual(['late', 'early']);
    const early2 = pod('early', { phase: 'Running', ready: false, readySince: T(1), restarts: [2] });
    const late2 = pod('late', { phase: 'Running', ready: false, readySince: T(9), restarts: [0] });
    expect(order([late2, early2])).toEqual(['early', 'late']);
  });

  test('ready pods ready since the same time go on to restarts', () => {
    const a = pod('a', { phase: 'Running', ready: true, readySince: T(3), restarts: [0] });
    const b = pod('b', { phase: 'Running', ready: true, readySince: T(3), restarts: [4] });
    expect(order([a, b])).toEqual(['b', 'a']);
  });

  test('among ready pods, ready for less time first; a missing time counts as latest', () => {
    const old = pod('old', { phase: 'Running', ready: true, readySince: T(1), created: T(0) });
    const recent = pod('recent', { phase: 'Running', ready: true, readySince: T(5), created: T(9) });
    const unknown = pod('unknown', { phase: 'Running', ready: true, created: T(0) });
    expect(order([old, recent, unknown])).toEqual(['unknown', 'recent', 'old']);
    expect(order([recent, old])).toEqual(['recent', 'old']);
  });

  test('more restarts first, counting the container that restarted most', () => {
    const calm = pod('calm', { phase: 'Running', ready: false, restarts: [0, 1] });
    const crashy = pod('crashy', { phase: 'Running', ready: false, restarts: [5, 0] });
    expect(order([calm, crashy])).toEqual(['crashy', 'calm']);
    expect(order([crashy, calm])).toEqual(['crashy', 'calm']);
    const negative = pod('negative', { phase: 'Running', ready: false, restarts: [-3] });
    const none = pod('none', { phase: 'Running', ready: false });
    expect(order([negative, none])).toEqual(['negative', 'none']);
  });

  test('then newer first, then by name; count bounds the victims', () => {
    const older = pod('b-older', { phase: 'Running', created: T(1) });
    const newer = pod('a-newer', { phase: 'Running', created: T(7) });
    expect(order([older, newer])).toEqual(['a-newer', 'b-older']);
    expect(order([newer, older])).toEqual(['a-newer', 'b-older']);
    expect(order([pod('y', { phase: 'Running', created: T(1) }), pod('x', { phase: 'Running', created: T(1) })])).toEqual(['x', 'y']);
    expect(order([older, newer], 1)).toEqual(['a-newer']);
    expect(order([older, newer], -1)).toEqual([]);
  });
});

describe('replicaSetStatus', () => {
  const now = new Date(T(30));
  const rs = (extra: Record<string, unknown> = {}): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-1', generation: 3 },
    spec: { template: { metadata: { labels: { app: 'web', tier: 'front' } } }, minReadySeconds: 10 },
    ...extra,
  });

  test('counts replicas, fully labeled, ready and available (minReadySeconds) pods', () => {
    const pods = [
      pod('a', { labels: { app: 'web', tier: 'front' }, ready: true, readySince: T(5) }),
      pod('b', { labels: { app: 'web', tier: 'front' }, ready: true, readySince: T(25) }),
      pod('c', { labels: { app: 'web' }, ready: false }),
    ];
    expect(replicaSetStatus(rs(), pods, now)).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 3 });
  });

  test('a template without labels counts every pod fully labeled', () => {
    const bare: KObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'x' }, spec: { template: {} } };
    expect(replicaSetStatus(bare, [pod('a')], now)).toMatchObject({ fullyLabeledReplicas: 1, observedGeneration: 1 });
    const noTemplate: KObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'x' }, spec: {} };
    expect(replicaSetStatus(noTemplate, [pod('a')], now)).toMatchObject({ fullyLabeledReplicas: 1 });
  });

  test('ReplicaFailure keeps its transition time while the message stays, and restarts it when the message changes', () => {
    const first = replicaSetStatus(rs(), [], now, 'refused: hostPath');
    expect(first.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: T(30), reason: 'FailedCreate', message: 'refused: hostPath' }]);
    const later = new Date(T(50));
    const withPrevious = rs({ status: { conditions: [{ type: 'Other', message: 'refused: hostPath', lastTransitionTime: T(2) }, ...first.conditions!] } });
    expect(replicaSetStatus(withPrevious, [], later, 'refused: hostPath').conditions![0].lastTransitionTime).toBe(T(30));
    expect(replicaSetStatus(withPrevious, [], later, 'refused: privileged').conditions![0].lastTransitionTime).toBe(T(50));
    const otherTypeOnly = rs({ status: { conditions: [{ type: 'Other', message: 'refused: hostPath', lastTransitionTime: T(2) }] } });
    expect(replicaSetStatus(otherTypeOnly, [], later, 'refused: hostPath').conditions![0].lastTransitionTime).toBe(T(50));
    expect(replicaSetStatus(rs({ status: {} }), [], later, 'x').conditions![0].lastTransitionTime).toBe(T(50));
    expect(replicaSetStatus(withPrevious, [], later)).not.toHaveProperty('conditions');
  });
});
