import { ConflictError, NotFoundError } from '../../src/errors';
import { rollbackTo } from '../../src/kinds/deployment/controller/rollback';
import { rolloutHistory } from '../../src/kinds/deployment/controller/history';
import { Sim, deployment, setImage } from './rollout-sim';

/** web:v1, v2 and v3 rolled out one after the other, each with its change-cause. */
function threeRevisions(): Sim {
  const sim = new Sim({ readyAfter: 1, goneAfter: 0 });
  sim.create(deployment({ replicas: 2, changeCause: 'create v1' }));
  sim.runUntil(() => sim.settled());
  for (const v of ['v2', 'v3']) {
    sim.edit('web', (d) => {
      setImage(`web:${v}`)(d);
      d.metadata.annotations!['kubernetes.io/change-cause'] = `set image ${v}`;
    });
    sim.runUntil(() => sim.settled());
  }
  return sim;
}

function history(sim: Sim): [number, string | undefined, string][] {
  return rolloutHistory(sim.state, sim.deployment('web')).map((h) => [h.revision, h.changeCause, h.rs.spec.template.spec.containers[0].image]);
}

describe('rollout history', () => {
  test('lists revisions in ascending order with the change-cause each ReplicaSet carries', () => {
    const sim = threeRevisions();
    expect(history(sim)).toEqual([
      [1, 'create v1', 'web:v1'],
      [2, 'set image v2', 'web:v2'],
      [3, 'set image v3', 'web:v3'],
    ]);
    expect(sim.deployment('web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  test('a revision without change-cause has none', () => {
    const sim = new Sim();
    sim.create(deployment({ replicas: 1 }));
    sim.reconcile();
    expect(history(sim)).toEqual([[1, undefined, 'web:v1']]);
  });
});

describe('rollout undo', () => {
  test('goes back to the previous revision, which becomes the newest; its old number leaves the history', () => {
    const sim = threeRevisions();
    const v2 = sim.replicaSets(sim.deployment('web')).find((rs) => rs.spec.template.spec.containers[0].image === 'web:v2')!;
    const generation = sim.deployment('web').metadata.generation!;

    expect(rollbackTo(sim.state, sim.deployment('web'))).toEqual({ message: 'rolled back' });
    const dep = sim.deployment('web');
    expect(dep.metadata.generation).toBe(generation + 1);
    expect(dep.spec.template).toEqual({ metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Always', containers: [{ name: 'app', image: 'web:v2' }] } });
    // The Deployment keeps its revision bookkeeping and takes the change-cause of the revision it returns to.
    expect(dep.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'set image v2' });

    sim.runUntil(() => sim.settled());
    expect(history(sim)).toEqual([
      [1, 'create v1', 'web:v1'],
      [3, 'set image v3', 'web:v3'],
      [4, 'set image v2', 'web:v2'],
    ]);
    expect(v2.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '4', 'deployment.kubernetes.io/revision-history': '2' });
    expect(sim.replicaSets(sim.deployment('web'))).toHaveLength(3); // no new ReplicaSet for an old template
    expect(sim.imagesOf(sim.pods(sim.deployment('web')))).toEqual(['web:v2', 'web:v2']);
    expect(sim.deployment('web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');

    // Undo again returns to v3 (now the previous revision).
    rollbackTo(sim.state, sim.deployment('web'));
    sim.runUntil(() => sim.settled());
    expect(history(sim).map(([r, , image]) => [r, image])).toEqual([[1, 'web:v1'], [4, 'web:v2'], [5, 'web:v3']]);
  });

  test('--to-revision picks that revision', () => {
    const sim = threeRevisions();
    expect(rollbackTo(sim.state, sim.deployment('web'), 1)).toEqual({ message: 'rolled back' });
    sim.runUntil(() => sim.settled());
    expect(sim.imagesOf(sim.pods(sim.deployment('web')))).toEqual(['web:v1', 'web:v1']);
    expect(history(sim).map(([r, , image]) => [r, image])).toEqual([[2, 'web:v2'], [3, 'web:v3'], [4, 'web:v1']]);
  });

  test('the revision already running is skipped', () => {
    const sim = threeRevisions();
    const before = JSON.stringify(sim.deployment('web'));
    expect(rollbackTo(sim.state, sim.deployment('web'), 3)).toEqual({ message: 'skipped rollback (current template already matches revision 3)' });
    expect(JSON.stringify(sim.deployment('web'))).toBe(before);
  });

  test('errors: unknown revision, paused Deployment, no history', () => {
    const sim = threeRevisions();
    const unknown = () => rollbackTo(sim.state, sim.deployment('web'), 9);
    expect(unknown).toThrow(NotFoundError);
    expect(unknown).toThrow(/^unable to find specified revision 9 in history$/);
    expect(() => rollbackTo(sim.state, sim.deployment('web'), -1)).toThrow('unable to find specified revision -1 in history');

    sim.edit('web', (d) => (d.spec.paused = true));
    const paused = () => rollbackTo(sim.state, sim.deployment('web'));
    expect(paused).toThrow(ConflictError);
    expect(paused).toThrow(/^you cannot rollback a paused deployment; resume it first with 'kctl rollout resume deployment\/web' and try again$/);

    const fresh = new Sim();
    fresh.create(deployment({ replicas: 1 }));
    fresh.reconcile();
    const none = () => rollbackTo(fresh.state, fresh.deployment('web'));
    expect(none).toThrow(NotFoundError);
    expect(none).toThrow(/^no rollout history found for deployment "web"$/);
  });
});
