/**
 * What a pod's persistentVolumeClaim volume mounts: the claim's own Docker volume when kctl provisioned it, or
 * the host directory of the PersistentVolume it is bound to (hostPath or local). A claim not bound yet, or bound
 * to a volume that is gone, is a reason for the pod to wait.
 */
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import { persistentVolumeDenial } from '../pod/security/admission';
import { isProvisioned } from '../storageclass/provisioning';

export type ClaimSource = { provisioned: KObject } | { host: { path: string; type?: string }; volume: KObject } | { waiting: string };

export function claimSource(state: State, namespace: string, claimName: string): ClaimSource {
  const claim = state.get('PersistentVolumeClaim', namespace, claimName);
  if (!claim || claim.metadata.deletionTimestamp) return { waiting: `persistentvolumeclaim "${claimName}" not found` };
  if (isProvisioned(state, claim)) return { provisioned: claim };
  const pv = claim.spec?.volumeName ? state.get('PersistentVolume', undefined, claim.spec.volumeName) : undefined;
  if (claim.status?.phase !== 'Bound' || !pv) return { waiting: `persistentvolumeclaim "${claimName}" is not bound` };
  const host = pv.spec?.hostPath ?? (pv.spec?.local ? { path: pv.spec.local.path } : undefined);
  if (!host) return { waiting: `persistentvolume "${pv.metadata.name}" has no hostPath or local directory` };
  // Admitted when applied; judged again here, so a state edited by hand gets no bypass.
  const denial = persistentVolumeDenial(pv);
  return denial ? { waiting: denial } : { host, volume: pv };
}
