/** Controller owner references: how a Deployment knows its ReplicaSets and a ReplicaSet its Pods. */
import type { KObject, OwnerReference } from '../api/types';
import type { State } from '../store/state';

export function controllerRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true };
}

export function isControlledBy(obj: KObject, owner: KObject): boolean {
  return obj.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid) ?? false;
}

/** Objects of `kind` in the owner's namespace whose controller is `owner`. */
export function controlledBy(state: State, kind: string, owner: KObject): KObject[] {
  return controlledByAny(state, kind, owner.metadata.namespace ?? 'default', [owner]);
}

/** Objects of `kind` in `namespace` whose controller is one of `owners`, in the state's order. */
export function controlledByAny(state: State, kind: string, namespace: string, owners: KObject[]): KObject[] {
  const uids = new Set(owners.map((o) => o.metadata.uid));
  return state.list(kind, namespace).filter((o) => o.metadata.ownerReferences?.some((r) => r.controller && uids.has(r.uid)));
}
