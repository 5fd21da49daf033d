/** The API server's defaults of a Service (pkg/apis/core/v1/defaults.go). */
import type { KObject } from '../../api/types';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
}
