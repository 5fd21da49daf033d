/**
 * Checks of a Job the JSON Schema cannot express (k8s pkg/apis/batch/validation): the restart policy, the selector
 * (generated unless manualSelector), Indexed completions, the pod failure policy; its template gets the pod spec's.
 */
import { checkLabelSelector, checkLabelsAndAnnotations } from '../../api/meta-checks';
import { isNumber, isObj, isString, list, type FieldPath, type Problems } from '../../api/problems';
import { fromLabelSelector, matchesSelector } from '../../api/selector';
import type { Json } from '../../api/types';
import { checkPodSpec } from '../pod/validate';
import { CONTROLLER_UID } from './labels';

export function validate(p: Problems, obj: Json): void {
  if (isObj(obj.spec)) checkJobSpec(p, obj.spec, ['spec'], isObj(obj.metadata) ? obj.metadata.uid : undefined);
}

function checkJobSpec(p: Problems, spec: Json, path: FieldPath, uid: unknown): void {
  const template = isObj(spec.template) ? spec.template : {};
  const templateMeta = isObj(template.metadata) ? template.metadata : {};
  const templateLabels = isObj(templateMeta.labels) ? (templateMeta.labels as Record<string, string>) : {};
  const manual = spec.manualSelector === true;
  if (isObj(spec.selector)) {
    checkLabelSelector(p, spec.selector, [...path, 'selector']);
    const selector = fromLabelSelector(spec.selector);
    // A generated selector selects the Job's uid: one written by hand without manualSelector does not.
    if (!manual && !(isString(uid) && matchesSelector(selector, { [CONTROLLER_UID]: uid }))) {
      p.invalid([...path, 'selector'], spec.selector, ['`selector` not auto-generated']);
    } else if (!matchesSelector(selector, templateLabels)) {
      p.invalid([...path, 'template', 'metadata', 'labels'], templateLabels, ['`selector` does not match template `labels`']);
    }
  } else if (manual) p.required([...path, 'selector']);
  checkJobSpecWithoutSelector(p, spec, path);
}

/** What a Job's spec must be whatever its selector: also a CronJob's job template. */
export function checkJobSpecWithoutSelector(p: Problems, spec: Json, path: FieldPath): void {
  const template = isObj(spec.template) ? spec.template : {};
  const templateMeta = isObj(template.metadata) ? template.metadata : {};
  checkLabelsAndAnnotations(p, templateMeta, [...path, 'template', 'metadata']);
  const podSpec = isObj(template.spec) ? template.spec : undefined;
  const policyPath = [...path, 'template', 'spec', 'restartPolicy'];
  // The API server defaults an unset restartPolicy to Always before it validates.
  const restartPolicy = podSpec?.restartPolicy ?? 'Always';
  if (restartPolicy === 'Always') p.required(policyPath, 'valid values: "OnFailure", "Never"');
  else if (isObj(spec.podFailurePolicy) && restartPolicy !== 'Never') p.invalid(policyPath, restartPolicy, ['only "Never" is supported when podFailurePolicy is specified']);
  checkPodSpec(p, podSpec, [...path, 'template', 'spec']);
  if (spec.completionMode === 'Indexed') {
    if (spec.completions === undefined) p.required([...path, 'completions'], 'when completion mode is Indexed');
    else if (isNumber(spec.completions) && isNumber(spec.parallelism) && spec.parallelism > 100_000) {
      p.invalid([...path, 'parallelism'], spec.parallelism, ['must be less than or equal to 100000 when completion mode is Indexed']);
    }
  }
  if (isObj(spec.podFailurePolicy)) checkPodFailurePolicy(p, spec.podFailurePolicy, [...path, 'podFailurePolicy']);
}

function checkPodFailurePolicy(p: Problems, policy: Json, path: FieldPath): void {
  list(policy.rules).forEach((rule, i) => {
    if (!isObj(rule)) return;
    const rulePath = [...path, 'rules', i];
    const byExitCodes = isObj(rule.onExitCodes);
    const byConditions = rule.onPodConditions !== undefined;
    if (byExitCodes && byConditions) p.invalid(rulePath, '', ['specifying both OnExitCodes and OnPodConditions is not supported']);
    else if (!byExitCodes && !byConditions) p.invalid(rulePath, '', ['specifying one of OnExitCodes and OnPodConditions is required']);
    if (byExitCodes) checkExitCodes(p, rule.onExitCodes, [...rulePath, 'onExitCodes']);
  });
}

function checkExitCodes(p: Problems, req: Json, path: FieldPath): void {
  const values = list(req.values).filter(isNumber);
  values.forEach((v, i) => {
    if (i > 0 && v === values[i - 1]) p.duplicate([...path, 'values', i], v);
    else if (i > 0 && v < values[i - 1]) p.invalid([...path, 'values', i], v, ['must be ordered']);
    if (v === 0 && req.operator === 'In') p.invalid([...path, 'values', i], v, ['must not be 0 for the In operator']);
  });
}
