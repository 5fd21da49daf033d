/**
 * A StatefulSet's pod for one ordinal (stateful_set_utils.go newVersionedStatefulSetPod): named `<set>-<ordinal>`,
 * with hostname and subdomain for its DNS name `<pod>.<serviceName>`, its own claims as volumes, and the labels
 * that say which pod and revision it is. Pods below the partition keep the current revision.
 */
import type { KObject } from '../../../api/types';
import { podNamed } from '../../replicaset/controller/new-pod';
import { withClaimVolumes } from '../claims';
import { REVISION_HASH_LABEL, revisionTemplate, type WorkloadRevisions } from '../../controllerrevision/revisions';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export function podName(set: KObject, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** The ordinal in a pod's name, or undefined for a pod the set does not name. */
export function ordinalOf(set: KObject, pod: KObject): number | undefined {
  const prefix = `${set.metadata.name}-`;
  const rest = pod.metadata.name.startsWith(prefix) ? pod.metadata.name.slice(prefix.length) : '';
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : undefined;
}

/** The revision a new pod of `ordinal` is made of. */
export function revisionFor(set: KObject, ordinal: number, revisions: WorkloadRevisions): KObject {
  const strategy = set.spec.updateStrategy ?? {};
  const partition = strategy.type === 'RollingUpdate' ? (strategy.rollingUpdate?.partition ?? 0) : 0;
  return ordinal < startOrdinal(set) + partition ? revisions.current : revisions.update;
}

export function startOrdinal(set: KObject): number {
  return set.spec.ordinals?.start ?? 0;
}

export function newStatefulPod(set: KObject, ordinal: number, revision: KObject, now: Date): KObject {
  const template = revisionTemplate(revision);
  const name = podName(set, ordinal);
  const pod = podNamed(set, template, name, now);
  pod.metadata.labels = { ...pod.metadata.labels, [REVISION_HASH_LABEL]: revision.metadata.name, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
  pod.spec = withClaimVolumes(pod.spec, set.spec.volumeClaimTemplates ?? [], name);
  pod.spec.hostname = name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  return pod;
}
