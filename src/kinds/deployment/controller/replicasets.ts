/** A Deployment's ReplicaSets: finding them, telling the new one from the old, orders and sums. */
import type { KObject } from '../../../api/types';
import { equalIgnoringHash } from '../../../api/pod-template-hash';
import type { State } from '../../../store/state';
import { controlledBy, controlledByAny } from '../../ownership';
import { revisionOf } from './annotations';
import { replicasOf } from './spec';

export function replicaSetsOf(state: State, dep: KObject): KObject[] {
  return controlledBy(state, 'ReplicaSet', dep);
}

/** The pods of the Deployment's ReplicaSets, in the state's order. */
export function podsOfDeployment(state: State, dep: KObject): KObject[] {
  return controlledByAny(state, 'Pod', dep.metadata.namespace ?? 'default', replicaSetsOf(state, dep));
}

/** The oldest ReplicaSet whose template is the Deployment's (ignoring the hash label), if any. */
export function findNewReplicaSet(dep: KObject, replicaSets: KObject[]): KObject | undefined {
  return [...replicaSets].sort(oldestFirst).find((rs) => equalIgnoringHash(rs.spec.template, dep.spec.template));
}

/** ReplicaSets that should have pods. */
export function active(replicaSets: (KObject | undefined)[]): KObject[] {
  return replicaSets.filter((rs): rs is KObject => rs !== undefined && replicasOf(rs) > 0);
}

/** Sum of spec.replicas: the pods the ReplicaSets are asked for. */
export function specReplicas(replicaSets: (KObject | undefined)[]): number {
  return replicaSets.reduce((sum, rs) => sum + (rs ? replicasOf(rs) : 0), 0);
}

type StatusCount = 'replicas' | 'readyReplicas' | 'availableReplicas';

/** Sum of one status count: what the ReplicaSets last reported. */
export function statusReplicas(replicaSets: (KObject | undefined)[], field: StatusCount): number {
  return replicaSets.reduce((sum, rs) => sum + (rs?.status?.[field] ?? 0), 0);
}

export function oldestFirst(a: KObject, b: KObject): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  return ta - tb || a.metadata.name.localeCompare(b.metadata.name);
}

/** Larger first; among equals, older first (where to take replicas away). */
export function largerThenOlder(a: KObject, b: KObject): number {
  return replicasOf(b) - replicasOf(a) || oldestFirst(a, b);
}

/** Larger first; among equals, newer first (where to add replicas). */
export function largerThenNewer(a: KObject, b: KObject): number {
  return replicasOf(b) - replicasOf(a) || oldestFirst(b, a);
}

export function byRevision(a: KObject, b: KObject): number {
  return revisionOf(a) - revisionOf(b) || oldestFirst(a, b);
}
