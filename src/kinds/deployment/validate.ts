/**
 * Checks of a Deployment the JSON Schema cannot express (k8s pkg/apis/apps/validation): selector against template
 * labels, strategy rules, deadlines; its pod template gets the pod spec's checks.
 */
import { checkLabelSelector, checkLabelsAndAnnotations } from '../../api/meta-checks';
import { entries, isNumber, isObj, isString, list, type FieldPath, type Problems } from '../../api/problems';
import { fromLabelSelector, matchesSelector } from '../../api/selector';
import type { Json } from '../../api/types';
import { checkPodSpec } from '../pod/validate';

export function validate(p: Problems, obj: Json): void {
  checkDeploymentSpec(p, obj.spec, ['spec']);
}

function checkDeploymentSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
  const selector = isObj(spec.selector) ? spec.selector : undefined;
  const template = isObj(spec.template) ? spec.template : {};
  const templateMeta = isObj(template.metadata) ? template.metadata : {};
  const templateLabels = isObj(templateMeta.labels) ? (templateMeta.labels as Record<string, string>) : {};
  if (selector) {
    checkLabelSelector(p, selector, [...path, 'selector']);
    if (entries(selector.matchLabels).length === 0 && list(selector.matchExpressions).length === 0) {
      p.invalid([...path, 'selector'], selector, ['empty selector is invalid for deployment']);
    } else if (!matchesSelector(fromLabelSelector(selector), templateLabels)) {
      p.invalid([...path, 'template', 'metadata', 'labels'], templateLabels, ['`selector` does not match template `labels`']);
    }
  }
  checkLabelsAndAnnotations(p, templateMeta, [...path, 'template', 'metadata']);
  const podSpec = template.spec;
  if (isObj(podSpec) && podSpec.restartPolicy !== undefined && podSpec.restartPolicy !== 'Always') {
    p.unsupported([...path, 'template', 'spec', 'restartPolicy'], podSpec.restartPolicy, ['Always']);
  }
  checkPodSpec(p, podSpec, [...path, 'template', 'spec']);
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
  if (!isObj(strategy.rollingUpdate)) return;
  const rolling = strategy.rollingUpdate;
  const surgePath = [...path, 'rollingUpdate', 'maxSurge'];
  const unavailablePath = [...path, 'rollingUpdate', 'maxUnavailable'];
  // Kubernetes defaults the one left out to 25% before validating.
  const surge = checkIntOrPercent(p, rolling.maxSurge ?? '25%', surgePath);
  const unavailable = checkIntOrPercent(p, rolling.maxUnavailable ?? '25%', unavailablePath);
  if (unavailable !== undefined && isString(rolling.maxUnavailable) && unavailable > 100) {
    p.invalid(unavailablePath, rolling.maxUnavailable, ['must not be greater than 100%']);
  }
  if (surge === 0 && unavailable === 0) p.invalid(unavailablePath, rolling.maxUnavailable, ['may not be 0 when `maxSurge` is 0']);
}

/** Returns the number (or percentage) when valid. */
function checkIntOrPercent(p: Problems, value: unknown, path: FieldPath): number | undefined {
  if (isNumber(value)) {
    if (value < 0) return void p.invalid(path, value, ['must be greater than or equal to 0']);
    return value;
  }
  if (!isString(value)) return undefined;
  if (!/^[0-9]+%$/.test(value)) {
    return void p.invalid(path, value, ["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')"]);
  }
  return Number(value.slice(0, -1));
}
