/**
 * `rollout history` and `rollout undo` over ControllerRevisions (kubectl's StatefulSet and DaemonSet history
 * viewers and rollbackers): the revisions are the owner's; undo puts a revision's template back.
 */
import { bumpGeneration } from '../../api/generation';
import { equalIgnoringHash } from '../../api/pod-template-hash';
import type { KObject } from '../../api/types';
import { KctlError, NotFoundError } from '../../errors';
import type { State } from '../../store/state';
import { CHANGE_CAUSE } from '../deployment/controller/annotations';
import type { RolloutRevision } from '../types';
import { revisionNumber, revisionsOf, revisionTemplate } from './revisions';

export function revisionHistory(state: State, owner: KObject): RolloutRevision[] {
  return revisionsOf(state, owner).map((r) => ({ revision: revisionNumber(r), changeCause: r.metadata.annotations?.[CHANGE_CAUSE], template: revisionTemplate(r) }));
}

export function undoToRevision(state: State, owner: KObject, toRevision: number | undefined): string {
  const history = revisionHistory(state, owner);
  if (toRevision === undefined && history.length <= 1) throw new KctlError('no last revision to roll back to');
  const target = toRevision === undefined ? history.at(-2) : history.find((h) => h.revision === toRevision);
  if (!target) throw new NotFoundError(`unable to find specified revision ${toRevision} in history`, 'list the revisions with `kctl rollout history`');
  if (equalIgnoringHash(target.template, owner.spec.template)) return `skipped rollback (current template already matches revision ${target.revision})`;
  owner.spec.template = structuredClone(target.template);
  bumpGeneration(owner);
  state.put(owner);
  return 'rolled back';
}
