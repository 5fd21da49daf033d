import type { KObject } from '../../src/api/types';
import { allConverged, converged } from '../../src/kinds/converged';
import { emptyState, State } from '../../src/store/state';

const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: {} };
const notReadyPod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: {}, status: { phase: 'Pending' } };

function stateWith(...objects: KObject[]): State {
  const state = new State(emptyState());
  for (const o of objects) state.put(structuredClone(o));
  return state;
}

describe('converged (what a command waits for)', () => {
  test('a deleted target is done once gone, and says what it waits for before', () => {
    expect(converged(stateWith(cm), { kind: 'ConfigMap', namespace: 'default', name: 'cfg', deleted: true })).toEqual({ done: false, waitingFor: 'waiting for configmap/cfg to be deleted' });
    expect(converged(stateWith(), { kind: 'ConfigMap', namespace: 'default', name: 'cfg', deleted: true })).toEqual({ done: true });
  });

  test("a missing target, or a kind without a converged capability, is done; otherwise the kind's verdict", () => {
    expect(converged(stateWith(), { kind: 'Pod', namespace: 'default', name: 'p' })).toEqual({ done: true });
    expect(converged(stateWith(cm), { kind: 'ConfigMap', namespace: 'default', name: 'cfg' })).toEqual({ done: true });
    expect(converged(stateWith(notReadyPod), { kind: 'Pod', namespace: 'default', name: 'p' })).toEqual({ done: false, waitingFor: 'waiting for pod/p to be ready' });
  });

  test('allConverged returns the first target not done, in order', () => {
    const state = stateWith(cm, notReadyPod);
    const targets = [
      { kind: 'ConfigMap', namespace: 'default', name: 'cfg' },
      { kind: 'Pod', namespace: 'default', name: 'p' },
      { kind: 'ConfigMap', namespace: 'default', name: 'cfg', deleted: true },
    ];
    expect(allConverged(targets)(state)).toEqual({ done: false, waitingFor: 'waiting for pod/p to be ready' });
    expect(allConverged([targets[0], targets[2]])(state)).toEqual({ done: false, waitingFor: 'waiting for configmap/cfg to be deleted' });
    expect(allConverged([targets[0]])(state)).toEqual({ done: true });
    expect(allConverged([])(state)).toEqual({ done: true });
  });
});
