/** The API server's defaults of a PersistentVolume (pkg/apis/core/v1/defaults.go): Retain, a filesystem volume. */
import type { KObject } from '../../api/types';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.persistentVolumeReclaimPolicy ??= 'Retain';
  spec.volumeMode ??= 'Filesystem';
}
