/**
 * The annotations by which a Deployment and its ReplicaSets record revisions and sizes
 * (Kubernetes' deployment util: SetNewReplicaSetAnnotations, SetReplicasAnnotations, SetDeploymentRevision).
 */
import type { KObject } from '../../../api/types';
import { replicasOf } from './spec';
import type { RolloutStrategy } from './strategy';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const ROLLBACK_TO = 'deprecated.deployment.rollback.to';

/** Deployment annotations that describe the Deployment itself, so they are not copied to its ReplicaSets. */
export const DEPLOYMENT_ONLY_ANNOTATIONS = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, ROLLBACK_TO]);

/** The revision number (0 when absent or not a number). */
export function revisionOf(obj: KObject): number {
  const n = Number(obj.metadata.annotations?.[REVISION] ?? 0);
  return Number.isInteger(n) ? n : 0;
}

export function maxRevision(replicaSets: KObject[]): number {
  return Math.max(0, ...replicaSets.map(revisionOf));
}

function annotationsOf(obj: KObject): Record<string, string> {
  return (obj.metadata.annotations ??= {});
}

/**
 * Brings the new ReplicaSet's annotations up to date: the Deployment's own annotations (change-cause...) and the
 * revision (only ever raised; a raised one keeps the old number in revision-history, as after a rollback).
 * Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(dep: KObject, rs: KObject, newRevision: number): boolean {
  const annotations = annotationsOf(rs);
  let changed = false;
  for (const [k, v] of Object.entries(dep.metadata.annotations ?? {})) {
    if (DEPLOYMENT_ONLY_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const hadRevision = annotations[REVISION] !== undefined;
  const oldRevision = revisionOf(rs);
  if (oldRevision < newRevision) {
    annotations[REVISION] = String(newRevision);
    changed = true;
    if (hadRevision) {
      const history = annotations[REVISION_HISTORY];
      annotations[REVISION_HISTORY] = history ? `${history},${oldRevision}` : String(oldRevision);
    }
  }
  return changed;
}

/** desired-replicas and max-replicas: the Deployment's size when this ReplicaSet was last scaled (for proportions). */
export function setReplicasAnnotations(rs: KObject, dep: KObject, strategy: RolloutStrategy): boolean {
  const desired = String(replicasOf(dep));
  const max = String(replicasOf(dep) + strategy.maxSurge(dep));
  const annotations = annotationsOf(rs);
  if (annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max) return false;
  annotations[DESIRED_REPLICAS] = desired;
  annotations[MAX_REPLICAS] = max;
  return true;
}

export function setDeploymentRevision(dep: KObject, revision: string | undefined): boolean {
  if (revision === undefined || dep.metadata.annotations?.[REVISION] === revision) return false;
  annotationsOf(dep)[REVISION] = revision;
  return true;
}
