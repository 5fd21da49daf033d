/**
 * The rollout invariants of docs/semantics.md, checked on every intermediate state of many rollouts:
 * ReplicaSet sizes and live pods never above replicas + maxSurge, available pods never below
 * replicas - maxUnavailable, every rollout completes with exactly `replicas` pods of the new template,
 * old ReplicaSets end at 0, revisionHistoryLimit is honoured, and Recreate never runs old and new together.
 */
import type { KObject } from '../../src/api/types';
import { Sim, deployment, setImage, type SimOptions } from './rollout-sim';

const MAX_TICKS = 300;
const FENCEPOSTS: (number | string)[] = [0, 1, 2, '25%', '50%', '100%'];
const REPLICAS = [1, 2, 3, 5, 10];

/** The oracle, straight from semantics.md: surge rounds up, unavailable down, both 0 => unavailable 1. */
function resolve(replicas: number, surge: number | string, unavailable: number | string): { maxSurge: number; maxUnavailable: number } {
  const scaled = (v: number | string, up: boolean) => (typeof v === 'number' ? v : (up ? Math.ceil : Math.floor)((parseInt(v, 10) * replicas) / 100));
  const maxSurge = scaled(surge, true);
  const maxUnavailable = scaled(unavailable, false);
  return maxSurge === 0 && maxUnavailable === 0 ? { maxSurge, maxUnavailable: 1 } : { maxSurge, maxUnavailable };
}

function specSum(replicaSets: KObject[]): number {
  return replicaSets.reduce((n, rs) => n + rs.spec.replicas, 0);
}

/** Settled, and every Pod left runs `image`. */
function settledOn(sim: Sim, name: string, image: string): () => boolean {
  return () => {
    return sim.settled(name) && sim.pods(sim.deployment(name)).every((p) => p.spec.containers[0].image === image);
  };
}

function expectSettled(sim: Sim, name: string, image: string, historyLimit: number): void {
  // Old ReplicaSets are cleaned up on the pass after the one that saw the rollout complete.
  sim.reconcile();
  const dep = sim.deployment(name);
  const replicaSets = sim.replicaSets(dep);
  const current = replicaSets.filter((rs) => rs.spec.template.spec.containers[0].image === image);
  expect(current).toHaveLength(1);
  expect(current[0].spec.replicas).toBe(dep.spec.replicas);
  expect(replicaSets.filter((rs) => rs !== current[0]).map((rs) => rs.spec.replicas)).toEqual(replicaSets.filter((rs) => rs !== current[0]).map(() => 0));
  expect(replicaSets.length - 1).toBeLessThanOrEqual(historyLimit);
  expect(sim.imagesOf(sim.activePods(dep))).toEqual(Array(dep.spec.replicas).fill(image));
  expect(dep.status).toMatchObject({ replicas: dep.spec.replicas, updatedReplicas: dep.spec.replicas, availableReplicas: dep.spec.replicas, unavailableReplicas: 0 });
}

function rollingCases(): [number, number | string, number | string][] {
  const out: [number, number | string, number | string][] = [];
  for (const replicas of REPLICAS) for (const surge of FENCEPOSTS) for (const unavailable of FENCEPOSTS) if (surge !== 0 || unavailable !== 0) out.push([replicas, surge, unavailable]);
  return out;
}

describe('RollingUpdate invariants', () => {
  test.each(rollingCases())('%i replicas, maxSurge %s, maxUnavailable %s', (replicas, maxSurge, maxUnavailable) => {
    rollTwice({ replicas, maxSurge, maxUnavailable }, {});
  });

  const timings: SimOptions[] = [
    { readyAfter: 1, goneAfter: 0 },
    { readyAfter: 3, goneAfter: 3 },
    { readyAfter: 1, goneAfter: 4 },
  ];
  const strategies: [number | string, number | string][] = [[1, 0], [0, 1], ['25%', '25%'], [2, 2], ['100%', 0]];
  for (const timing of timings) {
    for (const minReadySeconds of [0, 2]) {
      test.each(strategies)(`10 replicas, maxSurge %s, maxUnavailable %s, readyAfter ${timing.readyAfter}, goneAfter ${timing.goneAfter}, minReadySeconds ${minReadySeconds}`, (maxSurge, maxUnavailable) => {
        rollTwice({ replicas: 10, maxSurge, maxUnavailable, minReadySeconds }, timing);
      });
    }
  }
});

/** Creates, then rolls out v2 and v3 with the invariants checked on every step of both rollouts. */
function rollTwice(o: { replicas: number; maxSurge: number | string; maxUnavailable: number | string; minReadySeconds?: number }, timing: SimOptions): void {
  const sim = new Sim(timing);
  const historyLimit = 1;
  sim.create(deployment({ ...o, revisionHistoryLimit: historyLimit }));
  sim.runUntil(settledOn(sim, 'web', 'web:v1'), MAX_TICKS);
  expectSettled(sim, 'web', 'web:v1', historyLimit);

  const { maxSurge, maxUnavailable } = resolve(o.replicas, o.maxSurge, o.maxUnavailable);
  sim.check = invariantCheck(sim, o.replicas, maxSurge, maxUnavailable);
  for (const image of ['web:v2', 'web:v3']) {
    sim.edit('web', setImage(image));
    sim.runUntil(settledOn(sim, 'web', image), MAX_TICKS);
    expectSettled(sim, 'web', image, historyLimit);
  }
}

function invariantCheck(sim: Sim, replicas: number, maxSurge: number, maxUnavailable: number): () => void {
  return () => {
    const dep = sim.deployment('web');
    expect(specSum(sim.replicaSets(dep))).toBeLessThanOrEqual(replicas + maxSurge);
    expect(sim.activePods(dep).length).toBeLessThanOrEqual(replicas + maxSurge);
    expect(sim.availablePods(dep).length).toBeGreaterThanOrEqual(replicas - maxUnavailable);
  };
}

describe('RollingUpdate invariants when a new version arrives mid-rollout (rollover)', () => {
  test.each(rollingCases())('%i replicas, maxSurge %s, maxUnavailable %s', (replicas, maxSurge, maxUnavailable) => {
    const sim = new Sim({ readyAfter: 2, goneAfter: 2 });
    sim.create(deployment({ replicas, maxSurge, maxUnavailable, revisionHistoryLimit: 5 }));
    sim.runUntil(settledOn(sim, 'web', 'web:v1'), MAX_TICKS);
    const resolved = resolve(replicas, maxSurge, maxUnavailable);
    sim.check = invariantCheck(sim, replicas, resolved.maxSurge, resolved.maxUnavailable);

    sim.edit('web', setImage('web:v2'));
    for (let i = 0; i < 1 + (replicas % 3); i++) sim.tick();
    sim.edit('web', setImage('web:v3'));
    sim.runUntil(settledOn(sim, 'web', 'web:v3'), MAX_TICKS);
    expectSettled(sim, 'web', 'web:v3', 5);
  });
});

describe('Recreate invariants', () => {
  const timings: SimOptions[] = [{}, { readyAfter: 1, goneAfter: 0 }, { readyAfter: 3, goneAfter: 4 }];
  const cases = REPLICAS.flatMap((replicas) => timings.map((t) => [replicas, t.readyAfter ?? 2, t.goneAfter ?? 1] as const));
  test.each(cases)('%i replicas, readyAfter %i, goneAfter %i: old and new pods never exist together', (replicas, readyAfter, goneAfter) => {
    const sim = new Sim({ readyAfter, goneAfter });
    sim.create(deployment({ replicas, strategy: 'Recreate', revisionHistoryLimit: 1 }));
    sim.runUntil(settledOn(sim, 'web', 'web:v1'), MAX_TICKS);

    for (const image of ['web:v2', 'web:v3']) {
      let sawNoPods = false;
      sim.check = () => {
        const dep = sim.deployment('web');
        const images = new Set(sim.pods(dep).map((p) => p.spec.containers[0].image));
        expect(images.size).toBeLessThanOrEqual(1);
        expect(specSum(sim.replicaSets(dep))).toBeLessThanOrEqual(replicas);
        if (images.size === 0) sawNoPods = true;
      };
      sim.edit('web', setImage(image));
      sim.runUntil(settledOn(sim, 'web', image), MAX_TICKS);
      expectSettled(sim, 'web', image, 1);
      expect(sawNoPods).toBe(true);
      sim.check = () => {};
    }
  });
});
