/**
 * A StatefulSet's ControllerRevisions (pkg/controller/history and stateful_set_utils.go): one per distinct pod
 * template, named `<set>-<hash>`, holding the template as a replace patch, numbered in the order they were last
 * used. The template the set asks for is the update revision; the one its pods ran before the update completed
 * is the current revision. A template equal to an older revision (an undo) takes that revision with the next
 * number, as Kubernetes does; revisions no pod uses beyond revisionHistoryLimit are deleted.
 */
import { podTemplateHash } from '../../../api/pod-template-hash';
import { rfc3339 } from '../../../api/time';
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { controllerRef, controlledBy } from '../../ownership';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

export interface SetRevisions {
  current: KObject;
  update: KObject;
}

/** The set's revisions, oldest first. */
export function revisionsOf(state: State, set: KObject): KObject[] {
  return controlledBy(state, 'ControllerRevision', set).sort((a, b) => revisionNumber(a) - revisionNumber(b));
}

export function revisionNumber(revision: KObject): number {
  return Number(revision.revision ?? 0);
}

/** The template a revision holds. */
export function revisionTemplate(revision: KObject): any {
  const { $patch: _replace, ...template } = (revision.data as any)?.spec?.template ?? {};
  return template;
}

/** Finds or makes the update revision and finds the current one (stores what changed). */
export function syncRevisions(state: State, set: KObject, now: Date): SetRevisions {
  const history = revisionsOf(state, set);
  const name = `${set.metadata.name}-${podTemplateHash(set.spec.template, set.status?.collisionCount || undefined)}`;
  const next = (history.length ? revisionNumber(history.at(-1)!) : 0) + 1;
  let update = history.find((r) => r.metadata.name === name);
  if (!update) {
    update = newRevision(set, name, next, now);
    state.put(update);
  } else if (update !== history.at(-1)) {
    update.revision = next;
    state.put(update);
  }
  const current = history.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update };
}

/** Deletes the oldest revisions beyond revisionHistoryLimit that neither the set nor any of its pods uses. */
export function truncateHistory(state: State, set: KObject, revisions: SetRevisions, pods: KObject[]): void {
  const live = new Set([revisions.current.metadata.name, revisions.update.metadata.name, ...pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL])]);
  const old = revisionsOf(state, set).filter((r) => !live.has(r.metadata.name));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  for (const r of old.slice(0, Math.max(0, old.length - limit))) state.remove('ControllerRevision', r.metadata.namespace, r.metadata.name);
}

function newRevision(set: KObject, name: string, revision: number, now: Date): KObject {
  const metadata: KObject['metadata'] = {
    name,
    namespace: set.metadata.namespace ?? 'default',
    creationTimestamp: rfc3339(now),
    labels: { ...(set.spec.template?.metadata?.labels ?? {}) },
    ownerReferences: [controllerRef(set)],
  };
  if (set.metadata.annotations) metadata.annotations = { ...set.metadata.annotations };
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: { spec: { template: { $patch: 'replace', ...structuredClone(set.spec.template) } } }, revision };
}
