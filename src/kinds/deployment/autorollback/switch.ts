/**
 * The opt-in for automatic rollback, beyond Kubernetes (which never rolls back by itself): the annotation
 * `kctl.io/auto-rollback: "true"` on a Deployment makes every reconciler (one-shot commands and the controller
 * process) roll it back; `kctl rollout status --auto-rollback` does it for the rollout it watches.
 */
import type { KObject } from '../../../api/types';

export const AUTO_ROLLBACK_ANNOTATION = 'kctl.io/auto-rollback';

export function autoRollbackEnabled(dep: KObject): boolean {
  return dep.metadata.annotations?.[AUTO_ROLLBACK_ANNOTATION] === 'true';
}
