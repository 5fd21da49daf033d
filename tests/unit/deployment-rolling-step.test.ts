/**
 * One RollingUpdate pass (Kubernetes' rolling.go) on hand-built ReplicaSets, through syncDeployment: the exact
 * sizes Kubernetes picks at the edges of the surge budget (replicas + maxSurge), the cleanup of unavailable old
 * pods (at most maxScaledDown, oldest ReplicaSet first) and the scale-down of available old pods (at most
 * available - minAvailable, oldest first). Each ReplicaSet's status is what it last reported, stale or missing.
 */
import type { KObject } from '../../src/api/types';
import { POD_TEMPLATE_HASH_LABEL } from '../../src/api/pod-template-hash';
import { rfc3339 } from '../../src/api/time';
import { State, emptyState } from '../../src/store/state';
import { controllerRef } from '../../src/kinds/ownership';
import { syncDeployment } from '../../src/kinds/deployment/controller/sync';
import { START, deployment } from './rollout-sim';

interface ReplicaSetOptions {
  /** Old ReplicaSets run web:v1; the new one runs the Deployment's template (web:v2). */
  old?: boolean;
  replicas: number;
  /** status.availableReplicas; undefined leaves status out entirely. */
  available?: number;
  /** Minutes before START; larger is older. */
  age: number;
}

interface World {
  state: State;
  /** Runs one pass and returns the ReplicaSets' sizes by name (deleted ones left out). */
  sync(): Record<string, number>;
  events(): string[];
}

/**
 * A Deployment (web:v2, generation 1) and its ReplicaSets, named `web-<key>`. `status` is the Deployment's status
 * from the previous pass. The ReplicaSets carry no desired-replicas annotation, so the pass is not a scaling event.
 */
function world(dep: KObject, replicaSets: Record<string, ReplicaSetOptions>, status?: Record<string, number>): World {
  const state = new State(emptyState(), () => START);
  dep.spec.template.spec.containers[0].image = 'web:v2';
  dep.metadata.generation = 1;
  if (status) dep.status = status;
  const owner = state.put(dep);
  for (const [key, o] of Object.entries(replicaSets)) {
    const template = structuredClone(owner.spec.template);
    template.metadata.labels[POD_TEMPLATE_HASH_LABEL] = key;
    if (o.old) template.spec.containers[0].image = 'web:v1';
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `web-${key}`, namespace: 'default', generation: 1, labels: { ...template.metadata.labels },
        creationTimestamp: rfc3339(new Date(START.getTime() - o.age * 60_000)), ownerReferences: [controllerRef(owner)],
      },
      spec: { replicas: o.replicas, minReadySeconds: 0, selector: { matchLabels: { ...template.metadata.labels } }, template },
    };
    if (o.available !== undefined) rs.status = { replicas: o.replicas, availableReplicas: o.available, observedGeneration: 1 };
    state.put(rs);
  }
  const get = () => state.get('Deployment', 'default', 'web')!;
  return {
    state,
    sync() {
      syncDeployment(state, get(), START);
      return Object.fromEntries(state.list('ReplicaSet', 'default').map((rs) => [rs.metadata.name, rs.spec.replicas]));
    },
    events: () => state.eventsFor(get()).map((e) => e.message),
  };
}

/** A status from the previous pass that says the rollout is complete. */
const complete = (replicas: number) => ({ observedGeneration: 1, replicas, updatedReplicas: replicas, availableReplicas: replicas });

describe('scaling the new ReplicaSet up', () => {
  test('grows it by min(replicas + maxSurge - total, replicas - new)', () => {
    // maxTotal 6, total 3: the surge would allow 3 more, but the new ReplicaSet needs only 1 to reach replicas.
    const w = world(deployment({ replicas: 3, maxSurge: 3, maxUnavailable: 0 }), {
      old: { old: true, replicas: 1, available: 1, age: 10 },
      new: { replicas: 2, available: 2, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 1, 'web-new': 3 });
    expect(w.events()).toEqual(['Scaled up replica set web-new from 2 to 3']);
  });

  test('uses the surge left: replicas 4 at 25% allows one pod over', () => {
    const w = world(deployment({ replicas: 4 }), {
      old: { old: true, replicas: 4, available: 4, age: 10 },
      new: { replicas: 0, available: 0, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 4, 'web-new': 1 });
    expect(w.events()).toEqual(['Scaled up replica set web-new from 0 to 1']);
  });

  test('total exactly at replicas + maxSurge: the new ReplicaSet stays, old available pods go instead', () => {
    // maxTotal 5 = 4 + 1; minAvailable 3 of 4 available: one old pod may go.
    const w = world(deployment({ replicas: 4 }), {
      old: { old: true, replicas: 4, available: 4, age: 10 },
      new: { replicas: 1, available: 0, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 3, 'web-new': 1 });
    expect(w.events()).toEqual(['Scaled down replica set web-old from 4 to 3']);
  });

  test('total above replicas + maxSurge: the new ReplicaSet is not shrunk to make room', () => {
    // maxSurge 0: maxTotal 3 but 4 pods are asked for.
    const w = world(deployment({ replicas: 3, maxSurge: 0, maxUnavailable: 1 }), {
      old: { old: true, replicas: 3, available: 3, age: 10 },
      new: { replicas: 1, available: 0, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 2, 'web-new': 1 });
    expect(w.events()).toEqual(['Scaled down replica set web-old from 3 to 2']);
  });

  test('a new ReplicaSet above replicas is scaled down to replicas, whatever the surge', () => {
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }), { new: { replicas: 5, available: 5, age: 5 } });
    expect(w.sync()).toEqual({ 'web-new': 3 });
    expect(w.events()).toEqual(['Scaled down replica set web-new from 5 to 3']);
  });

  test('a new ReplicaSet already at replicas is left alone and the old ones scale down', () => {
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1 }), {
      old: { old: true, replicas: 1, available: 1, age: 10 },
      new: { replicas: 3, available: 3, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 0, 'web-new': 3 });
    expect(w.events()).toEqual(['Scaled down replica set web-old from 1 to 0']);
  });
});

describe('cleaning up unavailable old pods', () => {
  test('takes at most maxScaledDown of them, oldest ReplicaSet first', () => {
    // replicas 10 at 25%: maxTotal 13, minAvailable 8; maxScaledDown = 13 - 8 - (7 - 5 new unavailable) = 3.
    // web-zzz is the older one (it sorts last by name); each old ReplicaSet has 2 unavailable pods.
    const w = world(deployment({ replicas: 10 }), {
      aaa: { old: true, replicas: 3, available: 1, age: 10 },
      zzz: { old: true, replicas: 3, available: 1, age: 20 },
      new: { replicas: 7, available: 5, age: 5 },
    });
    // Available 1 + 1 + 5 = 7 is below minAvailable 8: no available pod goes.
    expect(w.sync()).toEqual({ 'web-aaa': 2, 'web-zzz': 1, 'web-new': 7 });
    expect(w.events()).toEqual(['Scaled down replica set web-zzz from 3 to 1', 'Scaled down replica set web-aaa from 3 to 2']);
  });

  test('a ReplicaSet without status counts all its pods unavailable, and is cut to what maxScaledDown allows', () => {
    // replicas 3, maxSurge 1, maxUnavailable 1: minAvailable 2; maxScaledDown = 4 - 2 - 0 = 2.
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1 }), {
      old: { old: true, replicas: 3, age: 10 },
      new: { replicas: 1, available: 1, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 1, 'web-new': 1 });
    expect(w.events()).toEqual(['Scaled down replica set web-old from 3 to 1']);
  });

  test('never below 0: an old ReplicaSet with no available pod goes to 0 when the budget is larger', () => {
    // replicas 3, maxSurge 3, maxUnavailable 1: minAvailable 2; maxScaledDown = 5 - 2 - 0 = 3 > its size 2.
    // The available budget left (3 - 2 = 1) finds it at 0 already.
    const w = world(deployment({ replicas: 3, maxSurge: 3, maxUnavailable: 1 }), {
      old: { old: true, replicas: 2, available: 0, age: 10 },
      new: { replicas: 3, available: 3, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 0, 'web-new': 3 });
    expect(w.events()).toEqual(['Scaled down replica set web-old from 2 to 0']);
  });

  test('a stale status reporting more available pods than asked for is not "unhealthy": nothing is scaled up', () => {
    // web-old was cut from 3 to 1 and still reports 3 available: its pods count as available, not as cleanup.
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1 }), {
      old: { old: true, replicas: 1, available: 3, age: 10 },
      new: { replicas: 3, available: 3, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 0, 'web-new': 3 });
    expect(w.events()).toEqual(['Scaled down replica set web-old from 1 to 0']);
  });
});

describe('scaling available old pods down', () => {
  test('takes available - minAvailable of them, oldest ReplicaSet first', () => {
    // replicas 4 at 25%: minAvailable 3, available 2 + 1 + 2 = 5: two may go, both from the older web-zzz.
    const w = world(deployment({ replicas: 4 }), {
      aaa: { old: true, replicas: 1, available: 1, age: 10 },
      zzz: { old: true, replicas: 2, available: 2, age: 20 },
      new: { replicas: 2, available: 2, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-aaa': 1, 'web-zzz': 0, 'web-new': 2 });
    expect(w.events()).toEqual(['Scaled down replica set web-zzz from 2 to 0']);
  });

  test('spreads the budget over several old ReplicaSets, oldest first', () => {
    const w = world(deployment({ replicas: 4 }), {
      aaa: { old: true, replicas: 2, available: 2, age: 10 },
      zzz: { old: true, replicas: 1, available: 1, age: 20 },
      new: { replicas: 2, available: 2, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-aaa': 1, 'web-zzz': 0, 'web-new': 2 });
    expect(w.events()).toEqual(['Scaled down replica set web-zzz from 1 to 0', 'Scaled down replica set web-aaa from 2 to 1']);
  });

  test('old ReplicaSets at 0 are skipped', () => {
    const w = world(deployment({ replicas: 4 }), {
      aaa: { old: true, replicas: 3, available: 3, age: 10 },
      zzz: { old: true, replicas: 0, available: 0, age: 20 },
      new: { replicas: 2, available: 2, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-aaa': 1, 'web-zzz': 0, 'web-new': 2 });
    expect(w.events()).toEqual(['Scaled down replica set web-aaa from 3 to 1']);
  });

  test('while the new pods are unavailable no old pod goes, even when a stale status reports spare ones', () => {
    // maxScaledDown = 4 - 2 - 3 new unavailable < 0, although the old ReplicaSet still reports 3 available.
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1 }), {
      old: { old: true, replicas: 1, available: 3, age: 10 },
      new: { replicas: 3, available: 0, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 1, 'web-new': 3 });
    expect(w.events()).toEqual([]);
  });

  test('maxScaledDown exactly 0: no old pod goes', () => {
    // maxScaledDown = 4 - 2 - 2 new unavailable = 0; the reported available pods (3 + 1) would allow 2.
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1 }), {
      old: { old: true, replicas: 1, available: 3, age: 10 },
      new: { replicas: 3, available: 1, age: 5 },
    });
    expect(w.sync()).toEqual({ 'web-old': 1, 'web-new': 3 });
    expect(w.events()).toEqual([]);
  });
});

describe('old ReplicaSets beyond revisionHistoryLimit', () => {
  // web-idle: an old ReplicaSet at 0 with no pod left, deletable with revisionHistoryLimit 0.
  const idle = { old: true, replicas: 0, available: 0, age: 30 };

  test('are deleted when the previous pass found the rollout complete and nothing was left to scale', () => {
    const w = world(deployment({ replicas: 3, revisionHistoryLimit: 0 }), { idle, new: { replicas: 3, available: 3, age: 5 } }, complete(3));
    expect(w.sync()).toEqual({ 'web-new': 3 });
  });

  test('stay while the rollout is not complete', () => {
    const w = world(deployment({ replicas: 3, revisionHistoryLimit: 0 }), { idle, new: { replicas: 3, available: 1, age: 5 } });
    expect(w.sync()).toEqual({ 'web-idle': 0, 'web-new': 3 });
  });

  test('are deleted when old pods cannot go yet (the step trusts the previous status, as Kubernetes does)', () => {
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1, revisionHistoryLimit: 0 }), {
      idle,
      old: { old: true, replicas: 1, available: 1, age: 10 },
      new: { replicas: 3, available: 0, age: 5 },
    }, complete(3));
    expect(w.sync()).toEqual({ 'web-old': 1, 'web-new': 3 });
  });

  test('stay in a pass that scaled an old ReplicaSet down: that pass ends there', () => {
    const w = world(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 1, revisionHistoryLimit: 0 }), {
      idle,
      old: { old: true, replicas: 1, available: 1, age: 10 },
      new: { replicas: 3, available: 3, age: 5 },
    }, complete(3));
    expect(w.sync()).toEqual({ 'web-idle': 0, 'web-old': 0, 'web-new': 3 });
    expect(w.events()).toEqual(['Scaled down replica set web-old from 1 to 0']);
  });
});
