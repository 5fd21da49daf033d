/** Controller owner references: how a Deployment knows its ReplicaSets and a ReplicaSet its Pods. */
import type { KObject, OwnerReference } from '../../api/types';
import type { State } from '../../store/state';

export function controllerRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true };
}

export function isControlledBy(obj: KObject, owner: KObject): boolean {
  return obj.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid) ?? false;
}

/** Objects of `kind` in the owner's namespace whose controller is `owner`. */
export function controlledBy(state: State, kind: string, owner: KObject): KObject[] {
  return state.list(kind, owner.metadata.namespace ?? 'default').filter((o) => isControlledBy(o, owner));
}
