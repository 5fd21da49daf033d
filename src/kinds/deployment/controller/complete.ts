/**
 * Where a Deployment's rollout stands, judged once for the controller (progress.ts), `rollout status`
 * (rollout-status.ts) and every command's wait (converged.ts).
 */
import type { KObject } from '../../../api/types';
import { getCondition, Progressing, Reason } from './conditions';
import { replicasOf } from './spec';
import type { DeploymentStatus } from './status';

/** The controller has seen the latest spec (status.observedGeneration caught up with metadata.generation). */
export function specObserved(dep: KObject, status: Partial<DeploymentStatus> | undefined): boolean {
  return (status?.observedGeneration ?? 0) >= (dep.metadata.generation ?? 1);
}

/** The controller gave up waiting for progress: Progressing is ProgressDeadlineExceeded. */
export function progressDeadlineExceeded(status: Partial<DeploymentStatus> | undefined): boolean {
  return getCondition(status, Progressing)?.reason === Reason.ProgressDeadlineExceeded;
}

/** Every replica updated, no old one left, all available, and the latest spec observed. */
export function deploymentComplete(dep: KObject, status: Partial<DeploymentStatus> | undefined): boolean {
  const replicas = replicasOf(dep);
  return (status?.updatedReplicas ?? 0) === replicas && (status?.replicas ?? 0) === replicas && (status?.availableReplicas ?? 0) === replicas && specObserved(dep, status);
}
