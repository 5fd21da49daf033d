/**
 * What `kctl logs` and `kctl exec` point at (src/ops/pod-targets.ts): the pods a kind says it runs (its
 * podsOf capability), without those being deleted, best candidate first; a pod named as such as it is.
 */
import type { KObject } from '../../src/api/types';
import { controllerRef } from '../../src/kinds/ownership';
import { podsOf } from '../../src/ops/pod-targets';
import { emptyState, State } from '../../src/store/state';

const T = (s: number) => `2026-01-01T00:00:0${s}Z`;

function world() {
  const state = new State(emptyState());
  const put = (kind: string, name: string, extra: Partial<KObject['metadata']> = {}, status?: any): KObject =>
    state.put({ apiVersion: kind === 'Pod' || kind === 'Service' ? 'v1' : 'apps/v1', kind, metadata: { name, namespace: 'default', ...extra }, spec: {}, ...(status ? { status } : {}) });
  const dep = put('Deployment', 'web');
  const other = put('Deployment', 'api');
  const rs1 = put('ReplicaSet', 'web-1', { ownerReferences: [controllerRef(dep)] });
  const rs2 = put('ReplicaSet', 'web-2', { ownerReferences: [controllerRef(dep)] });
  const apiRs = put('ReplicaSet', 'api-1', { ownerReferences: [controllerRef(other)] });
  const ready = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
  const pod = (name: string, owner: KObject, at: number, status?: any, extra: Partial<KObject['metadata']> = {}) => put('Pod', name, { ownerReferences: [controllerRef(owner)], creationTimestamp: T(at), ...extra }, status);
  pod('a-pending', rs1, 1, { phase: 'Pending' });
  pod('b-running', rs2, 2, { phase: 'Running' });
  pod('c-ready-new', rs2, 4, ready);
  pod('d-ready-old', rs1, 3, ready);
  pod('e-ready-old', rs2, 3, ready);
  pod('f-deleting', rs2, 0, ready, { deletionTimestamp: T(5) });
  pod('api-pod', apiRs, 0, ready);
  return { state, put, dep, rs1, rs2 };
}

const names = (pods: KObject[]) => pods.map((p) => p.metadata.name);

test('deployment/NAME: the pods of all its ReplicaSets, not being deleted; ready, then running, then others; older, then by name', () => {
  const { state } = world();
  const { pods, owner } = podsOf(state, 'default', 'deployment/web', undefined);
  expect(names(pods)).toEqual(['d-ready-old', 'e-ready-old', 'c-ready-new', 'b-running', 'a-pending']);
  expect(owner).toBe('deployment.apps/web');
});

test('replicaset/NAME: the pods it controls, in the same order', () => {
  const { state } = world();
  expect(names(podsOf(state, 'default', 'rs/web-2', undefined).pods)).toEqual(['e-ready-old', 'c-ready-new', 'b-running']);
});

test('only the controller owner reference counts, as for every other verb that asks a kind for its pods', () => {
  const { state, put, dep, rs1 } = world();
  put('Pod', 'g-referenced', { ownerReferences: [{ ...controllerRef(rs1), controller: false }] });
  put('Pod', 'h-direct', { ownerReferences: [controllerRef(dep)] });
  expect(names(podsOf(state, 'default', 'deployment/web', undefined).pods)).toEqual(['d-ready-old', 'e-ready-old', 'c-ready-new', 'b-running', 'a-pending']);
  expect(names(podsOf(state, 'default', 'replicaset/web-1', undefined).pods)).toEqual(['d-ready-old', 'a-pending']);
});

test('NAME and pod/NAME: the pod itself, also while it is being deleted', () => {
  const { state } = world();
  expect(podsOf(state, 'default', 'f-deleting', undefined)).toEqual({ pods: [state.get('Pod', 'default', 'f-deleting')] });
  expect(names(podsOf(state, 'default', 'pod/a-pending', undefined).pods)).toEqual(['a-pending']);
});

test('an owner whose pods are all being deleted has none; a kind that runs no pods is refused with the same words as before', () => {
  const { state, put } = world();
  const lone = put('ReplicaSet', 'lone');
  put('Pod', 'lone-1', { ownerReferences: [controllerRef(lone)], deletionTimestamp: T(1) });
  expect(() => podsOf(state, 'default', 'replicaset/lone', undefined)).toThrow('replicaset.apps/lone has no pods');
  put('Service', 'svc');
  expect(() => podsOf(state, 'default', 'service/svc', undefined)).toThrow('cannot attach to service/svc: not implemented');
  expect(() => podsOf(state, 'default', 'deployment/nope', undefined)).toThrow('deployments.apps "nope" not found');
});
