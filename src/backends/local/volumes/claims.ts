/**
 * kctl's provisioner: each claim it serves (storageclass/provisioning.ts) is bound at once to a Docker volume of
 * its own and shows phase Bound; the volume of a claim that is gone is removed. Docker refuses to
 * remove a volume that a container still mounts, so a claim deleted under a running pod keeps its data until
 * that pod is gone (Kubernetes' pvc-protection, in effect), and the next pass removes it.
 */
import type { KObject } from '../../../api/types';
import { LABEL, RuntimeError } from '../../../runtime/runtime';
import type { LocalContext } from '../context';
import { CLAIM, claimLabels, claimVolumeName } from './docker-volumes';
import { isProvisioned } from '../../../kinds/storageclass/provisioning';

/** Every claim gets its volume and status Bound. */
export async function syncClaims(ctx: LocalContext): Promise<void> {
  const claims = liveClaims(ctx);
  // A bound claim's volume is made again, if it went, by the next pod that mounts it.
  const unbound = claims.filter((c) => JSON.stringify(c.status) !== JSON.stringify(boundStatus(ctx, c)));
  for (const claim of unbound) await ensureClaimVolume(ctx, claim);
  if (unbound.length) {
    await ctx.store.update((state) => {
      for (const claim of state.list('PersistentVolumeClaim')) {
        const status = boundStatus(ctx, claim);
        if (claim.metadata.deletionTimestamp || !isProvisioned(state, claim) || JSON.stringify(claim.status) === JSON.stringify(status)) continue;
        claim.status = status;
        state.put(claim);
      }
    });
  }
}

/**
 * Volumes whose claim is gone are removed after the pass has stopped the pods being deleted, so that a claim
 * deleted with its Deployment (`kctl delete -f`) frees its volume in the same pass.
 */
export async function sweepClaimVolumes(ctx: LocalContext): Promise<void> {
  const claims = liveClaims(ctx);
  const wanted = new Set(claims.map((c) => claimVolumeName(ctx.scope, c)));
  for (const name of await ctx.runtime.listVolumes({ ...ctx.scope.labels, [LABEL.volume]: CLAIM })) {
    if (wanted.has(name)) continue;
    try {
      await ctx.runtime.removeVolume(name);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      ctx.log(2, `volume ${name} of a deleted claim is still in use; retrying later`);
    }
  }
}

/** The claims kctl's provisioner serves (not those bound to, or waiting for, a PersistentVolume). */
function liveClaims(ctx: LocalContext): KObject[] {
  const state = ctx.store.read();
  return state.list('PersistentVolumeClaim').filter((c) => !c.metadata.deletionTimestamp && isProvisioned(state, c));
}

export function ensureClaimVolume(ctx: LocalContext, claim: KObject): Promise<void> {
  return ctx.runtime.ensureVolume(claimVolumeName(ctx.scope, claim), claimLabels(ctx.scope, claim));
}

function boundStatus(ctx: LocalContext, claim: KObject): any {
  const storage = claim.spec?.resources?.requests?.storage;
  return {
    phase: 'Bound',
    accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
    ...(storage !== undefined ? { capacity: { storage } } : {}),
    kctl: { volume: claimVolumeName(ctx.scope, claim) },
  };
}
