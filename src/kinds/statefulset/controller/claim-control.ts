/**
 * A StatefulSet's claims (stateful_pod_control.go): made before the pod that mounts them, and owned as
 * persistentVolumeClaimRetentionPolicy says: with whenDeleted Delete by the set (they go with it), with whenScaled
 * Delete by the pod a scale-down removes (they go with that pod); otherwise by nothing, so they outlive both.
 */
import type { KObject, OwnerReference } from '../../../api/types';
import type { State } from '../../../store/state';
import { claimName, newClaim } from '../claims';

/** Makes the claims of `pod` that do not exist. */
export function ensureClaims(state: State, set: KObject, pod: KObject, now: Date): void {
  const ns = set.metadata.namespace ?? 'default';
  for (const template of set.spec.volumeClaimTemplates ?? []) {
    if (state.get('PersistentVolumeClaim', ns, claimName(template, pod.metadata.name))) continue;
    const claim = newClaim(set, template, pod.metadata.name, now);
    const owner = wantedOwner(set, pod, false);
    if (owner) claim.metadata.ownerReferences = [owner];
    state.put(claim);
    state.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
  }
}

/** Gives every existing claim of the set's pods the owner the retention policy asks for; `condemned` pods are the ones a scale-down removes. */
export function setClaimOwners(state: State, set: KObject, pods: KObject[], condemned: (pod: KObject) => boolean): void {
  const ns = set.metadata.namespace ?? 'default';
  for (const pod of pods) {
    const owner = wantedOwner(set, pod, condemned(pod));
    for (const template of set.spec.volumeClaimTemplates ?? []) {
      const claim = state.get('PersistentVolumeClaim', ns, claimName(template, pod.metadata.name));
      if (!claim) continue;
      const others = (claim.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid && r.uid !== pod.metadata.uid);
      const refs = owner ? [...others, owner] : others;
      if (JSON.stringify(refs) === JSON.stringify(claim.metadata.ownerReferences ?? [])) continue;
      if (refs.length) claim.metadata.ownerReferences = refs;
      else delete claim.metadata.ownerReferences;
      state.put(claim);
    }
  }
}

function wantedOwner(set: KObject, pod: KObject, condemned: boolean): OwnerReference | undefined {
  const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
  if (condemned && policy.whenScaled === 'Delete') return ownerRef(pod);
  if (policy.whenDeleted === 'Delete') return ownerRef(set);
  return undefined;
}

function ownerRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', blockOwnerDeletion: true };
}
