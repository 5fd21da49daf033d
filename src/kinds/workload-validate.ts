/**
 * The checks Deployments and DaemonSets share (k8s pkg/apis/apps/validation): a non-empty selector that selects
 * the template's labels, restartPolicy Always, the pod spec's checks; and the int-or-percent of rolling updates.
 * A ReplicationController's template gets the same template checks.
 */
import { checkLabelSelector, checkLabelsAndAnnotations } from '../api/meta-checks';
import { entries, isNumber, isObj, isString, list, type FieldPath, type Problems } from '../api/problems';
import { fromLabelSelector, matchesSelector } from '../api/selector';
import type { Json } from '../api/types';
import { checkPodSpec } from './pod/validate';

/** `kind` as the API server names it in "empty selector is invalid for deployment". */
export function checkSelectedTemplate(p: Problems, spec: Json, path: FieldPath, kind: string): void {
  const selector = isObj(spec.selector) ? spec.selector : undefined;
  const template = isObj(spec.template) ? spec.template : {};
  const templateMeta = isObj(template.metadata) ? template.metadata : {};
  const templateLabels = isObj(templateMeta.labels) ? (templateMeta.labels as Record<string, string>) : {};
  if (selector) {
    checkLabelSelector(p, selector, [...path, 'selector']);
    if (entries(selector.matchLabels).length === 0 && list(selector.matchExpressions).length === 0) {
      p.invalid([...path, 'selector'], selector, [`empty selector is invalid for ${kind}`]);
    } else if (!matchesSelector(fromLabelSelector(selector), templateLabels)) {
      p.invalid([...path, 'template', 'metadata', 'labels'], templateLabels, ['`selector` does not match template `labels`']);
    }
  }
  checkAlwaysRunningTemplate(p, template, [...path, 'template']);
}

/** A pod template whose pods run for ever: its metadata, restartPolicy Always, the pod spec's checks. */
export function checkAlwaysRunningTemplate(p: Problems, template: Json, path: FieldPath): void {
  checkLabelsAndAnnotations(p, isObj(template.metadata) ? template.metadata : {}, [...path, 'metadata']);
  const podSpec = template.spec;
  if (isObj(podSpec) && podSpec.restartPolicy !== undefined && podSpec.restartPolicy !== 'Always') {
    p.unsupported([...path, 'spec', 'restartPolicy'], podSpec.restartPolicy, ['Always']);
  }
  checkPodSpec(p, podSpec, [...path, 'spec']);
}

/** maxSurge and maxUnavailable (defaulted as `defaults` says before the check): one of them above 0. */
export function checkRollingUpdate(p: Problems, rolling: Json, path: FieldPath, defaults: { maxSurge: unknown; maxUnavailable: unknown }): void {
  const surgePath = [...path, 'maxSurge'];
  const unavailablePath = [...path, 'maxUnavailable'];
  const surge = checkIntOrPercent(p, rolling.maxSurge ?? defaults.maxSurge, surgePath);
  const unavailable = checkIntOrPercent(p, rolling.maxUnavailable ?? defaults.maxUnavailable, unavailablePath);
  if (unavailable !== undefined && isString(rolling.maxUnavailable) && unavailable > 100) {
    p.invalid(unavailablePath, rolling.maxUnavailable, ['must not be greater than 100%']);
  }
  if (surge === 0 && unavailable === 0) p.invalid(unavailablePath, rolling.maxUnavailable ?? defaults.maxUnavailable, ['may not be 0 when `maxSurge` is 0']);
}

/** Returns the number (or percentage) when valid. */
export function checkIntOrPercent(p: Problems, value: unknown, path: FieldPath): number | undefined {
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
