/** The API server's defaults of a StorageClass (pkg/apis/storage/v1/defaults.go). */
import type { KObject } from '../../api/types';

export function defaults(obj: KObject): void {
  (obj as any).reclaimPolicy ??= 'Delete';
  (obj as any).volumeBindingMode ??= 'Immediate';
}
