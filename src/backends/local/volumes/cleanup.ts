/**
 * A pod's own storage goes with the pod: its emptyDir volumes and its projected files. The sweep catches
 * what a crash between "containers removed" and "storage removed" left behind, from names alone.
 */
import { LABEL, RuntimeError } from '../../../runtime/runtime';
import type { LocalContext } from '../context';
import { EMPTY_DIR } from './docker-volumes';
import { podDirUids, removePodDir } from './host-dir';

export async function removePodStorage(ctx: LocalContext, podUid: string): Promise<void> {
  for (const name of await ctx.runtime.listVolumes({ ...ctx.scope.labels, [LABEL.volume]: EMPTY_DIR, [LABEL.podUid]: podUid })) {
    await removeVolumeQuietly(ctx, name);
  }
  removePodDir(ctx.store.path, ctx.scope.id, podUid);
}

/** Storage of pods that are no longer in the state (`live`: the uids of those that are). */
export async function sweepPodStorage(ctx: LocalContext, live: Set<string>): Promise<void> {
  const prefix = `kctl-${ctx.scope.id}-`;
  for (const name of await ctx.runtime.listVolumes({ ...ctx.scope.labels, [LABEL.volume]: EMPTY_DIR })) {
    const uid = name.slice(prefix.length, prefix.length + 36);
    if (!live.has(uid)) await removeVolumeQuietly(ctx, name);
  }
  for (const uid of podDirUids(ctx.store.path, ctx.scope.id)) if (!live.has(uid)) removePodDir(ctx.store.path, ctx.scope.id, uid);
}

/** A volume still mounted by a container that is being removed is retried on the next pass. */
async function removeVolumeQuietly(ctx: LocalContext, name: string): Promise<void> {
  try {
    await ctx.runtime.removeVolume(name);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    ctx.log(2, `volume ${name} is still in use; retrying later`);
  }
}
