/**
 * Which revisions have completed a rollout: kctl labels a ReplicaSet once the Deployment it runs for has
 * rolled out completely. A label on the ReplicaSet itself (not an annotation, not its template) because
 * `rollout undo` copies a revision's annotations and template into the Deployment, from where they would
 * spread to every later ReplicaSet; the label stays with the one ReplicaSet that earned it, whatever its
 * revision number becomes.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';

export const COMPLETED_LABEL = 'kctl.io/rollout-complete';

export function hasCompleted(rs: KObject): boolean {
  return rs.metadata.labels?.[COMPLETED_LABEL] === 'true';
}

export function markCompleted(state: State, rs: KObject): void {
  if (hasCompleted(rs)) return;
  rs.metadata.labels = { ...(rs.metadata.labels ?? {}), [COMPLETED_LABEL]: 'true' };
  state.put(rs);
}
