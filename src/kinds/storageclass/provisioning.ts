/**
 * Which claims kctl's one provisioner serves (a Docker volume per claim) and which wait for a PersistentVolume
 * made beforehand: a claim's class is its storageClassName, else the default StorageClass (annotated
 * is-default-class, the newest when several are), as the DefaultStorageClass admission plugin fills it in. A
 * claim of class "" or of a class whose provisioner is kubernetes.io/no-provisioner binds volumes only; any other
 * class, named or not, is provisioned (kctl's one host has one kind of storage). A claim once provisioned stays so.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export function isDefaultClass(sc: KObject): boolean {
  return sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** The class the claim asks for: its own, the beta annotation's, or the default class's; '' for none. */
export function claimClass(state: State, claim: KObject): string {
  const own = claim.spec?.storageClassName ?? claim.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (own !== undefined) return own;
  const defaults = state.list('StorageClass').filter((sc) => isDefaultClass(sc) && !sc.metadata.deletionTimestamp);
  return defaults.sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)))[0]?.metadata.name ?? '';
}

/** Whether kctl's provisioner makes (or made) the claim's volume. */
export function isProvisioned(state: State, claim: KObject): boolean {
  if (claim.spec?.volumeName) return false;
  if (claim.status?.kctl?.volume) return true;
  if (claim.spec?.storageClassName === '') return false;
  const cls = claimClass(state, claim);
  return state.get('StorageClass', undefined, cls)?.provisioner !== NO_PROVISIONER;
}
