/**
 * Checks of a Deployment the JSON Schema cannot express (k8s pkg/apis/apps/validation): selector against template
 * labels, strategy rules, deadlines; its pod template gets the pod spec's checks.
 */
import { isNumber, isObj, type FieldPath, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';
import { checkRollingUpdate, checkSelectedTemplate } from '../workload-validate';

export function validate(p: Problems, obj: Json): void {
  checkDeploymentSpec(p, obj.spec, ['spec']);
}

function checkDeploymentSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
  checkSelectedTemplate(p, spec, path, 'deployment');
  checkStrategy(p, spec.strategy, [...path, 'strategy']);
  const minReady = isNumber(spec.minReadySeconds) ? spec.minReadySeconds : 0;
  if (isNumber(spec.progressDeadlineSeconds) && spec.progressDeadlineSeconds <= minReady) {
    p.invalid([...path, 'progressDeadlineSeconds'], spec.progressDeadlineSeconds, ['must be greater than minReadySeconds']);
  }
}

function checkStrategy(p: Problems, strategy: unknown, path: FieldPath): void {
  if (!isObj(strategy)) return;
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined) p.forbidden([...path, 'rollingUpdate'], "may not be specified when strategy `type` is 'Recreate'");
    return;
  }
  // Kubernetes defaults the one left out to 25% before validating.
  if (isObj(strategy.rollingUpdate)) checkRollingUpdate(p, strategy.rollingUpdate, [...path, 'rollingUpdate'], { maxSurge: '25%', maxUnavailable: '25%' });
}
