/**
 * Finding or creating the new ReplicaSet (the one running the Deployment's template) and keeping revisions in
 * step: Kubernetes' getAllReplicaSetsAndSyncRevision and getNewReplicaSet.
 */
import type { KObject } from '../../../api/types';
import { POD_TEMPLATE_HASH_LABEL, podTemplateHash } from '../../../api/pod-template-hash';
import { rfc3339 } from '../../../api/time';
import type { State } from '../../../store/state';
import { controllerRef } from '../../ownership';
import { maxRevision, REVISION, setDeploymentRevision, setNewReplicaSetAnnotations, setReplicasAnnotations } from './annotations';
import { getCondition, newCondition, Progressing, Reason, setCondition } from './conditions';
import { findNewReplicaSet, replicaSetsOf } from './replicasets';
import { minReadySecondsOf, progressDeadlineSecondsOf } from './spec';
import type { RolloutStrategy } from './strategy';
import { bumpGeneration } from '../../../api/generation';

export interface ReplicaSets {
  /** Undefined when it does not exist yet (or could not be created this pass). */
  newRS?: KObject;
  /** Every other ReplicaSet of the Deployment, at any size. */
  oldRSs: KObject[];
}

export function allOf({ newRS, oldRSs }: ReplicaSets): KObject[] {
  return newRS ? [...oldRSs, newRS] : oldRSs;
}

/**
 * Creates a missing new ReplicaSet, sized by the strategy, only when `createWith` names one (Recreate waits for the
 * old pods first).
 */
export function replicaSetsAndSyncRevision(state: State, dep: KObject, now: Date, createWith?: RolloutStrategy): ReplicaSets {
  const all = replicaSetsOf(state, dep);
  const existing = findNewReplicaSet(dep, all);
  const oldRSs = all.filter((rs) => rs !== existing);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    syncExistingNewReplicaSet(state, dep, existing, newRevision, now);
    return { newRS: existing, oldRSs };
  }
  return { newRS: createWith ? createNewReplicaSet(state, dep, createWith, oldRSs, newRevision, now) : undefined, oldRSs };
}

function syncExistingNewReplicaSet(state: State, dep: KObject, rs: KObject, newRevision: number, now: Date): void {
  const annotationsChanged = setNewReplicaSetAnnotations(dep, rs, newRevision);
  const minReadySeconds = minReadySecondsOf(dep);
  if ((rs.spec.minReadySeconds ?? 0) !== minReadySeconds) {
    rs.spec.minReadySeconds = minReadySeconds;
    bumpGeneration(rs);
    state.put(rs);
  } else if (annotationsChanged) {
    state.put(rs);
  }
  setDeploymentRevision(dep, rs.metadata.annotations?.[REVISION]);
  // A Deployment that had no Progressing condition yet starts its progress clock now.
  if (progressDeadlineSecondsOf(dep) !== undefined && !getCondition(dep.status, Progressing)) {
    setCondition((dep.status ??= {}), newCondition(Progressing, 'True', Reason.FoundNewReplicaSet, `Found new replica set "${rs.metadata.name}"`, now));
  }
}

function createNewReplicaSet(state: State, dep: KObject, strategy: RolloutStrategy, oldRSs: KObject[], newRevision: number, now: Date): KObject | undefined {
  const namespace = dep.metadata.namespace ?? 'default';
  const hash = podTemplateHash(dep.spec.template, dep.status?.collisionCount);
  const template = structuredClone(dep.spec.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector = structuredClone(dep.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${dep.metadata.name}-${hash}`;

  if (state.get('ReplicaSet', namespace, name)) {
    // Another template (or another owner) has this name: hash again with a higher collision count next pass.
    (dep.status ??= {}).collisionCount = (dep.status.collisionCount ?? 0) + 1;
    return undefined;
  }
  const rs: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace, creationTimestamp: rfc3339(now), generation: 1, labels: { ...template.metadata.labels }, ownerReferences: [controllerRef(dep)] },
    spec: { replicas: 0, minReadySeconds: minReadySecondsOf(dep), selector, template },
  };
  rs.spec.replicas = strategy.newReplicaSetReplicas(dep, [...oldRSs, rs], rs);
  setNewReplicaSetAnnotations(dep, rs, newRevision);
  setReplicasAnnotations(rs, dep, strategy);
  state.put(rs);
  if (rs.spec.replicas > 0) state.event(dep, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${rs.spec.replicas}`);

  setDeploymentRevision(dep, String(newRevision));
  if (progressDeadlineSecondsOf(dep) !== undefined) {
    setCondition((dep.status ??= {}), newCondition(Progressing, 'True', Reason.NewReplicaSetCreated, `Created new replica set "${name}"`, now));
  }
  return rs;
}
