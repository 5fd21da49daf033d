/** On apply, a Deployment keeps the replicas `kctl scale` (or an HPA) set when its manifest leaves them out, as kubectl's merge does. */
import type { KObject } from '../../api/types';

export function keepLive(manifest: KObject, live: KObject, next: KObject): void {
  if (manifest.spec?.replicas === undefined && live.spec?.replicas !== undefined) next.spec.replicas = live.spec.replicas;
}
