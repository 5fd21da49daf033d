/**
 * The Docker volumes behind Kubernetes volumes. An emptyDir is a volume of its pod (labelled with the pod's
 * uid, removed with the pod); a PersistentVolumeClaim is a volume of the claim (labelled with the claim's
 * uid), which outlives every pod that mounts it and goes only with the claim. Both carry the state's scope
 * labels, so `Kctl.cleanup()` and orphan sweeps find them.
 */
import type { KObject } from '../../../api/types';
import { LABEL } from '../../../runtime/runtime';
import type { Scope } from '../scope';

export const EMPTY_DIR = 'emptyDir';
export const CLAIM = 'persistentVolumeClaim';

export function emptyDirVolumeName(scope: Scope, podUid: string, volume: string): string {
  return `kctl-${scope.id}-${podUid}-${volume}`;
}

export function emptyDirLabels(scope: Scope, pod: KObject): Record<string, string> {
  return { ...scope.labels, [LABEL.volume]: EMPTY_DIR, [LABEL.podUid]: pod.metadata.uid ?? '', [LABEL.namespace]: pod.metadata.namespace ?? 'default' };
}

/** The claim's uid is part of the name: a claim deleted and made again gets a new, empty volume, as in Kubernetes. */
export function claimVolumeName(scope: Scope, claim: KObject): string {
  return `kctl-${scope.id}-pvc-${claim.metadata.namespace ?? 'default'}-${claim.metadata.name}-${(claim.metadata.uid ?? '').slice(0, 8)}`;
}

export function claimLabels(scope: Scope, claim: KObject): Record<string, string> {
  return { ...scope.labels, [LABEL.volume]: CLAIM, [LABEL.claim]: claim.metadata.uid ?? '', [LABEL.namespace]: claim.metadata.namespace ?? 'default' };
}
