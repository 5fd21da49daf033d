/** The API server's default of a PersistentVolumeClaim: a filesystem volume. */
import type { KObject } from '../../api/types';

export function defaults(obj: KObject): void {
  (obj.spec ??= {}).volumeMode ??= 'Filesystem';
}
