/**
 * Scaling a Deployment: proportional scaling over its ReplicaSets (the cases of Kubernetes' TestScale in
 * sync_test.go, same inputs and expected sizes), and scaling-only changes end to end.
 */
import type { KObject } from '../../src/api/types';
import { State, emptyState } from '../../src/store/state';
import { podTemplateHash } from '../../src/api/pod-template-hash';
import { scaleProportionally } from '../../src/kinds/deployment/controller/proportional';
import { Sim, START, deployment, setImage } from './rollout-sim';

const NEW = '2016-05-20T02:00:00Z';
const OLD = '2016-05-20T01:00:00Z';
const OLDER = '2016-05-20T00:00:00Z';

interface Case {
  name: string;
  replicas: number;
  before: number;
  surge?: number;
  surgeBefore?: number;
  newRS?: [number, number?];
  oldRSs: number[];
  want: { newRS?: number; oldRSs: number[] };
}

const cases: Case[] = [
  { name: 'normal scaling event: 10 -> 12', replicas: 12, before: 10, newRS: [10], oldRSs: [], want: { newRS: 12, oldRSs: [] } },
  { name: 'normal scaling event: 10 -> 5', replicas: 5, before: 10, newRS: [10], oldRSs: [], want: { newRS: 5, oldRSs: [] } },
  { name: 'proportional scaling: 5 -> 10', replicas: 10, before: 5, newRS: [2], oldRSs: [3], want: { newRS: 4, oldRSs: [6] } },
  { name: 'proportional scaling: 5 -> 3', replicas: 3, before: 5, newRS: [2], oldRSs: [3], want: { newRS: 1, oldRSs: [2] } },
  { name: 'proportional scaling: 9 -> 4', replicas: 4, before: 9, newRS: [8], oldRSs: [1], want: { newRS: 4, oldRSs: [0] } },
  { name: 'proportional scaling: 7 -> 10', replicas: 10, before: 7, newRS: [2], oldRSs: [3, 2], want: { newRS: 3, oldRSs: [4, 3] } },
  { name: 'proportional scaling: 13 -> 8', replicas: 8, before: 13, newRS: [2], oldRSs: [8, 3], want: { newRS: 1, oldRSs: [5, 2] } },
  { name: 'leftover distribution: 3 -> 4 (the newest grows)', replicas: 4, before: 3, newRS: [1], oldRSs: [1, 1], want: { newRS: 2, oldRSs: [1, 1] } },
  { name: 'leftover distribution: 3 -> 2 (the oldest shrinks)', replicas: 2, before: 3, newRS: [1], oldRSs: [1, 1], want: { newRS: 1, oldRSs: [1, 0] } },
  { name: 'proportional scaling (no new rs): 4 -> 5', replicas: 5, before: 4, oldRSs: [2, 2], want: { oldRSs: [3, 2] } },
  { name: 'proportional scaling: 6 -> 0', replicas: 0, before: 6, newRS: [3], oldRSs: [2, 1], want: { newRS: 0, oldRSs: [0, 0] } },
  { name: 'proportional scaling: 0 -> 6', replicas: 6, before: 6, newRS: [0], oldRSs: [0, 0], want: { newRS: 6, oldRSs: [0, 0] } },
  { name: 'deployment with surge pods', replicas: 20, before: 10, surge: 2, surgeBefore: 2, newRS: [6], oldRSs: [6], want: { newRS: 11, oldRSs: [11] } },
  { name: 'change both surge and size', replicas: 50, before: 10, surge: 6, surgeBefore: 3, newRS: [5], oldRSs: [8], want: { newRS: 22, oldRSs: [34] } },
];

describe('proportional scaling (Kubernetes TestScale)', () => {
  test.each(cases)('$name', (c) => {
    const state = new State(emptyState(), () => START);
    const dep = state.put(deployment({ replicas: c.replicas, maxSurge: c.surge ?? 0, maxUnavailable: 0 }));
    const annotate = { 'deployment.kubernetes.io/desired-replicas': String(c.before), 'deployment.kubernetes.io/max-replicas': String(c.before + (c.surgeBefore ?? 0)) };
    const rs = (name: string, replicas: number, created: string): KObject =>
      state.put({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default', creationTimestamp: created, annotations: { ...annotate } }, spec: { replicas, template: {} } });
    const newRS = c.newRS ? rs('foo-v3', c.newRS[0], NEW) : undefined;
    const oldRSs = c.oldRSs.map((n, i) => rs(`foo-v${2 - i}`, n, [OLD, OLDER][i]));

    scaleProportionally(state, dep, newRS, oldRSs);
    expect({ newRS: newRS?.spec.replicas, oldRSs: oldRSs.map((r) => r.spec.replicas) }).toEqual(c.want);
  });
});

describe('scaling-only changes', () => {
  test('never create a ReplicaSet; they resize the current one and say so', () => {
    const sim = new Sim();
    sim.create(deployment({ replicas: 3 }));
    sim.runUntil(() => sim.settled());
    const name = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;

    sim.edit('web', (d) => (d.spec.replicas = 5));
    sim.runUntil(() => sim.settled());
    sim.edit('web', (d) => (d.spec.replicas = 2));
    sim.runUntil(() => sim.settled());

    const dep = sim.deployment('web');
    expect(sim.replicaSets(dep).map((rs) => rs.metadata.name)).toEqual([name]);
    expect(sim.replicaSets(dep)[0].metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3' });
    expect(dep.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(sim.events(dep)).toEqual([`Scaled up replica set ${name} from 0 to 3`, `Scaled up replica set ${name} from 3 to 5`, `Scaled down replica set ${name} from 5 to 2`]);
  });

  test('mid-rollout, the ReplicaSets grow in proportion and the rollout then finishes at the new size', () => {
    const sim = new Sim();
    sim.create(deployment({ replicas: 10 }));
    sim.runUntil(() => sim.settled());
    const oldName = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;
    sim.edit('web', setImage('web:v2'));
    const newName = `web-${podTemplateHash(sim.deployment('web').spec.template)}`;
    const sizes = () => Object.fromEntries(sim.replicaSets(sim.deployment('web')).map((rs) => [rs.metadata.name, rs.spec.replicas]));
    // 25% of 10: surge 3, unavailable 2. The new ReplicaSet gets 3, the old one goes to 8, the new one to 5.
    sim.runUntil(() => sizes()[newName] === 5, 10);
    expect(sizes()).toEqual({ [oldName]: 8, [newName]: 5 });

    sim.edit('web', (d) => (d.spec.replicas = 20));
    sim.reconcile();
    // 13 pods were allowed at 10 replicas, 25 are at 20: 8 * 25/13 = 15.4 -> 15, 5 * 25/13 = 9.6 -> 10.
    expect(sizes()).toEqual({ [oldName]: 15, [newName]: 10 });
    expect(sim.events(sim.deployment('web')).slice(-2)).toEqual([`Scaled up replica set ${oldName} from 8 to 15`, `Scaled up replica set ${newName} from 5 to 10`]);

    sim.runUntil(() => sim.settled());
    expect(sizes()).toEqual({ [oldName]: 0, [newName]: 20 });
    expect(sim.imagesOf(sim.pods(sim.deployment('web')))).toEqual(Array(20).fill('web:v2'));
  });

  test('a paused Deployment still scales, and the template change waits for resume', () => {
    const sim = new Sim();
    sim.create(deployment({ replicas: 2 }));
    sim.runUntil(() => sim.settled());
    sim.edit('web', (d) => {
      d.spec.paused = true;
      setImage('web:v2')(d);
      d.spec.replicas = 4;
    });
    for (let i = 0; i < 10; i++) sim.tick();
    const dep = sim.deployment('web');
    expect(sim.replicaSets(dep)).toHaveLength(1);
    expect(sim.imagesOf(sim.activePods(dep))).toEqual(Array(4).fill('web:v1'));
  });
});
