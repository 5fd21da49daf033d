/**
 * The API server's defaults of a ReplicationController (pkg/apis/core/v1/defaults.go): an empty selector and
 * empty labels become the template's labels, one replica; its pod template gets the pod spec's defaults.
 */
import type { KObject } from '../../api/types';
import { defaultPodSpec } from '../pod/defaults';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  const labels: Record<string, string> | undefined = spec.template?.metadata?.labels;
  if (labels && Object.keys(labels).length) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  spec.minReadySeconds ??= 0;
  if (spec.template) defaultPodSpec((spec.template.spec ??= {}), { restartPolicy: 'Always' });
}
