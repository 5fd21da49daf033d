/**
 * Checks of a DaemonSet the JSON Schema cannot express (k8s pkg/apis/apps/validation ValidateDaemonSetSpec): the
 * selector and template a Deployment has, and a rolling update that may replace the pod.
 */
import { isObj, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';
import { checkRollingUpdate, checkSelectedTemplate } from '../workload-validate';

export function validate(p: Problems, obj: Json): void {
  if (!isObj(obj.spec)) return;
  checkSelectedTemplate(p, obj.spec, ['spec'], 'daemonset');
  const strategy = obj.spec.updateStrategy;
  if (isObj(strategy) && strategy.type !== 'OnDelete' && isObj(strategy.rollingUpdate)) {
    checkRollingUpdate(p, strategy.rollingUpdate, ['spec', 'updateStrategy', 'rollingUpdate'], { maxSurge: 0, maxUnavailable: 1 });
  }
}
