/**
 * `rollout undo` (kubectl's DeploymentRollbacker): copy the template of an earlier revision into the
 * Deployment. The controller then finds that revision's ReplicaSet as the new one and gives it the next
 * revision number, so its old number leaves the history.
 */
import type { KObject } from '../../../api/types';
import { equalIgnoringHash, withoutHashLabel } from '../../../api/pod-template-hash';
import { ConflictError, NotFoundError } from '../../../errors';
import type { State } from '../../../store/state';
import { DEPLOYMENT_ONLY_ANNOTATIONS } from './annotations';
import { rolloutHistory } from './history';
import { bumpGeneration } from '../../../api/generation';

/**
 * Rolls `dep` back to `toRevision` (default: the revision before the latest) and returns kubectl's word for
 * what happened, printed after `deployment.apps/<name>`: `rolled back` or `skipped rollback (...)`.
 */
export function rollbackTo(state: State, dep: KObject, toRevision?: number): { message: string } {
  const name = dep.metadata.name;
  if (toRevision !== undefined && toRevision < 0) throw revisionNotFound(toRevision);
  if (dep.spec.paused) {
    throw new ConflictError(`you cannot rollback a paused deployment; resume it first with 'kctl rollout resume deployment/${name}' and try again`);
  }
  const target = findRevision(state, dep, toRevision || undefined);
  if (equalIgnoringHash(target.rs.spec.template, dep.spec.template)) {
    return { message: `skipped rollback (current template already matches revision ${target.revision})` };
  }
  dep.spec.template = withoutHashLabel(target.rs.spec.template);
  dep.metadata.annotations = rollbackAnnotations(dep, target.rs);
  bumpGeneration(dep);
  state.put(dep);
  return { message: 'rolled back' };
}

function findRevision(state: State, dep: KObject, toRevision: number | undefined) {
  const history = rolloutHistory(state, dep);
  if (toRevision !== undefined) {
    const found = history.find((h) => h.revision === toRevision);
    if (!found) throw revisionNotFound(toRevision);
    return found;
  }
  const previous = history.at(-2);
  if (!previous) throw new NotFoundError(`no rollout history found for deployment "${dep.metadata.name}"`);
  return previous;
}

function revisionNotFound(revision: number): NotFoundError {
  return new NotFoundError(`unable to find specified revision ${revision} in history`, 'list the revisions with `kctl rollout history`');
}

/** The Deployment keeps its own bookkeeping annotations and takes the rest (change-cause...) from the revision. */
function rollbackAnnotations(dep: KObject, rs: KObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(dep.metadata.annotations ?? {})) if (DEPLOYMENT_ONLY_ANNOTATIONS.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!DEPLOYMENT_ONLY_ANNOTATIONS.has(k)) out[k] = v;
  return out;
}
