/**
 * The volume binder's claim side (pkg/controller/volume/persistentvolume syncUnboundClaim): a claim that names a
 * volume (spec.volumeName) binds that one when it fits; another claim binds the smallest Available volume of its
 * class that has its access modes, its size and matches its selector, a volume reserved for it (claimRef) first.
 * A claim no volume fits stays Pending when no provisioner serves it, and is left to kctl's provisioner otherwise.
 * A bound claim whose volume is gone is Lost.
 */
import { fromLabelSelector, matchesSelector } from '../../../api/selector';
import { compareQuantities, parseQuantity, type Quantity } from '../../../api/quantity';
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import type { SyncResult } from '../../results';
import type { SyncContext } from '../../types';
import { claimClass, isProvisioned } from '../../storageclass/provisioning';

export function bindClaim(ctx: SyncContext, claim: KObject): SyncResult {
  const { state } = ctx;
  const wanted = claim.spec?.volumeName;
  if (claim.status?.phase === 'Bound') {
    if (wanted && !state.get('PersistentVolume', undefined, wanted)) {
      claim.status = { ...claim.status, phase: 'Lost' };
      state.put(claim);
      state.event(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    }
    return {};
  }
  if (claim.status?.phase === 'Lost') return {};
  if (wanted) {
    const pv = state.get('PersistentVolume', undefined, wanted);
    const refusal = !pv ? undefined : pv.spec?.claimRef && !reservedFor(pv, claim) ? `volume "${wanted}" already bound to a different claim.` : mismatch(state, pv, claim);
    if (pv && !refusal) return bind(state, pv, claim);
    pending(state, claim, refusal ? 'Warning' : 'Normal', 'FailedBinding', refusal ? `Cannot bind to requested volume "${wanted}": ${refusal}` : `volume "${wanted}" not found`);
    return {};
  }
  const pv = bestVolume(state, claim);
  if (pv) return bind(state, pv, claim);
  if (!isProvisioned(state, claim)) {
    const cls = claimClass(state, claim);
    pending(state, claim, 'Normal', 'FailedBinding', cls ? 'no persistent volumes available for this claim' : 'no persistent volumes available for this claim and no storage class is set');
  }
  return {};
}

/** Why `pv` cannot serve `claim`, or undefined when it can. */
function mismatch(state: State, pv: KObject, claim: KObject): string | undefined {
  if (pv.metadata.deletionTimestamp || pv.status?.phase === 'Released' || pv.status?.phase === 'Failed') return `volume is ${pv.status?.phase ?? 'being deleted'}`;
  if ((pv.spec?.storageClassName ?? '') !== claimClass(state, claim)) return 'storageClassName does not match';
  const modes: string[] = pv.spec?.accessModes ?? [];
  if (!(claim.spec?.accessModes ?? []).every((m: string) => modes.includes(m))) return 'incompatible accessMode';
  if (compareQuantities(storageOf(claim.spec?.resources?.requests?.storage), storageOf(pv.spec?.capacity?.storage)) > 0) return 'requested PV is too small';
  const selector = claim.spec?.selector;
  if (selector && !matchesSelector(fromLabelSelector(selector), pv.metadata.labels ?? {})) return 'volume does not match the claim\'s selector';
  return undefined;
}

function bestVolume(state: State, claim: KObject): KObject | undefined {
  const fits = state.list('PersistentVolume').filter((pv) => (!pv.spec?.claimRef || reservedFor(pv, claim)) && !mismatch(state, pv, claim));
  const reserved = fits.find((pv) => pv.spec?.claimRef);
  return reserved ?? fits.sort((a, b) => compareQuantities(storageOf(a.spec?.capacity?.storage), storageOf(b.spec?.capacity?.storage)))[0];
}

function reservedFor(pv: KObject, claim: KObject): boolean {
  const ref = pv.spec?.claimRef;
  return ref?.name === claim.metadata.name && (ref.namespace ?? 'default') === (claim.metadata.namespace ?? 'default') && (!ref.uid || ref.uid === claim.metadata.uid);
}

function bind(state: State, pv: KObject, claim: KObject): SyncResult {
  pv.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace ?? 'default', name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1' };
  pv.status = { phase: 'Bound' };
  pv.metadata.annotations = { ...pv.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' };
  state.put(pv);
  claim.spec.volumeName = pv.metadata.name;
  claim.metadata.annotations = { ...claim.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
  claim.status = { phase: 'Bound', accessModes: [...(pv.spec.accessModes ?? [])], capacity: { ...(pv.spec.capacity ?? {}) } };
  state.put(claim);
  return {};
}

function pending(state: State, claim: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
  if (claim.status?.phase !== 'Pending') {
    claim.status = { phase: 'Pending' };
    state.put(claim);
  }
  state.event(claim, type, reason, message);
}

function storageOf(q: unknown): Quantity {
  return parseQuantity(q) ?? { num: 0n, den: 1n };
}
