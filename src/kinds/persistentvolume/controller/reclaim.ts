/**
 * The volume binder's volume side (pkg/controller/volume/persistentvolume syncVolume): a volume is Available
 * until a claim binds it, Bound while that claim (same uid) lives, and Released once it is gone; then its
 * reclaim policy acts: Retain keeps it Released (an admin clears spec.claimRef to offer it again), Delete deletes
 * the PersistentVolume object. kctl leaves the host directory as it is in both cases (it never erases host files).
 */
import { rfc3339 } from '../../../api/time';
import type { KObject } from '../../../api/types';
import type { SyncResult } from '../../results';
import type { SyncContext } from '../../types';

export function syncVolume(ctx: SyncContext, pv: KObject): SyncResult {
  const { state, now } = ctx;
  const ref = pv.spec?.claimRef;
  const claim = ref && state.get('PersistentVolumeClaim', ref.namespace ?? 'default', ref.name);
  // A claimRef without a uid reserves the volume for a claim that has not bound it yet.
  const claimLives = Boolean(claim && !claim.metadata.deletionTimestamp && claim.metadata.uid === ref?.uid);
  const phase = !ref?.uid ? 'Available' : claimLives ? 'Bound' : 'Released';
  if (phase === 'Released' && pv.status?.phase !== 'Released') {
    if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      pv.metadata.deletionTimestamp = rfc3339(now);
      state.put(pv);
      return {};
    }
    state.event(pv, 'Normal', 'VolumeReleased', `claim ${ref.namespace ?? 'default'}/${ref.name} is gone: the volume is Released and keeps its data (persistentVolumeReclaimPolicy Retain)`);
  }
  if (pv.status?.phase !== phase) {
    pv.status = { phase };
    state.put(pv);
  }
  return {};
}
