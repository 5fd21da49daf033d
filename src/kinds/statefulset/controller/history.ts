/**
 * `rollout history` and `rollout undo` of a StatefulSet (kubectl's StatefulSetHistoryViewer and
 * StatefulSetRollbacker): the revisions are its ControllerRevisions; undo puts a revision's template back.
 */
import { equalIgnoringHash } from '../../../api/pod-template-hash';
import { bumpGeneration } from '../../../api/generation';
import type { KObject } from '../../../api/types';
import { KctlError, NotFoundError } from '../../../errors';
import type { State } from '../../../store/state';
import type { RolloutRevision } from '../../types';
import { CHANGE_CAUSE } from '../../deployment/controller/annotations';
import { revisionNumber, revisionsOf, revisionTemplate } from './revisions';

export function statefulSetHistory(state: State, set: KObject): RolloutRevision[] {
  return revisionsOf(state, set).map((r) => ({ revision: revisionNumber(r), changeCause: r.metadata.annotations?.[CHANGE_CAUSE], template: revisionTemplate(r) }));
}

export function undoStatefulSet(state: State, set: KObject, toRevision: number | undefined): string {
  const history = statefulSetHistory(state, set);
  if (toRevision === undefined && history.length <= 1) throw new KctlError('no last revision to roll back to');
  const target = toRevision === undefined ? history.at(-2) : history.find((h) => h.revision === toRevision);
  if (!target) throw new NotFoundError(`unable to find specified revision ${toRevision} in history`, 'list the revisions with `kctl rollout history`');
  if (equalIgnoringHash(target.template, set.spec.template)) return `skipped rollback (current template already matches revision ${target.revision})`;
  set.spec.template = structuredClone(target.template);
  bumpGeneration(set);
  state.put(set);
  return 'rolled back';
}
