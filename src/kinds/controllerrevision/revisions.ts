/**
 * A workload's ControllerRevisions (pkg/controller/history, as the StatefulSet and DaemonSet controllers keep
 * them): one per distinct pod template, named `<owner>-<hash>`, holding the template as a replace patch and
 * the owner's annotations, numbered in the order they were last used. The template the owner asks for is the
 * update revision; the one its pods ran before an update completed (status.currentRevision) is the current
 * one. A template equal to an older revision (an undo) takes that revision with the next number, as
 * Kubernetes does; revisions no pod uses beyond revisionHistoryLimit are deleted.
 */
import { podTemplateHash } from '../../api/pod-template-hash';
import { rfc3339 } from '../../api/time';
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import { controllerRef, controlledBy } from '../ownership';

/** The pod label naming the revision a pod was made of. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';

export interface WorkloadRevisions {
  current: KObject;
  update: KObject;
}

/** The owner's revisions, oldest first. */
export function revisionsOf(state: State, owner: KObject): KObject[] {
  return controlledBy(state, 'ControllerRevision', owner).sort((a, b) => revisionNumber(a) - revisionNumber(b));
}

export function revisionNumber(revision: KObject): number {
  return Number(revision.revision ?? 0);
}

/** The template a revision holds. */
export function revisionTemplate(revision: KObject): any {
  const { $patch: _replace, ...template } = (revision.data as any)?.spec?.template ?? {};
  return template;
}

/** The hash in the revision's name, as the DaemonSet controller labels its pods. */
export function revisionHash(owner: KObject, revision: KObject): string {
  return revision.metadata.name.slice(owner.metadata.name.length + 1);
}

/** Finds or makes the update revision and finds the current one (stores what changed). */
export function syncRevisions(state: State, owner: KObject, now: Date): WorkloadRevisions {
  const history = revisionsOf(state, owner);
  const name = `${owner.metadata.name}-${podTemplateHash(owner.spec.template, owner.status?.collisionCount || undefined)}`;
  const next = (history.length ? revisionNumber(history.at(-1)!) : 0) + 1;
  let update = history.find((r) => r.metadata.name === name);
  if (!update) {
    update = newRevision(owner, name, next, now);
    state.put(update);
  } else if (update !== history.at(-1)) {
    update.revision = next;
    state.put(update);
  }
  const current = history.find((r) => r.metadata.name === owner.status?.currentRevision) ?? update;
  return { current, update };
}

/** Deletes the oldest revisions beyond revisionHistoryLimit that neither the owner nor any of its pods uses. */
export function truncateHistory(state: State, owner: KObject, revisions: WorkloadRevisions, inUse: Set<string>): void {
  const live = new Set([revisions.current.metadata.name, revisions.update.metadata.name, ...inUse]);
  const old = revisionsOf(state, owner).filter((r) => !live.has(r.metadata.name));
  const limit = owner.spec.revisionHistoryLimit ?? 10;
  for (const r of old.slice(0, Math.max(0, old.length - limit))) state.remove('ControllerRevision', r.metadata.namespace, r.metadata.name);
}

function newRevision(owner: KObject, name: string, revision: number, now: Date): KObject {
  const metadata: KObject['metadata'] = {
    name,
    namespace: owner.metadata.namespace ?? 'default',
    creationTimestamp: rfc3339(now),
    labels: { ...(owner.spec.template?.metadata?.labels ?? {}) },
    ownerReferences: [controllerRef(owner)],
  };
  if (owner.metadata.annotations) metadata.annotations = { ...owner.metadata.annotations };
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: { spec: { template: { $patch: 'replace', ...structuredClone(owner.spec.template) } } }, revision };
}
