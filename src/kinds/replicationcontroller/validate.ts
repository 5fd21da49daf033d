/**
 * Checks of a ReplicationController the JSON Schema cannot express (k8s pkg/apis/core/validation
 * ValidateReplicationControllerSpec), after the defaults the API server applies first: a selector (the
 * template's labels when left out) that the template's labels match, restartPolicy Always, the pod spec's checks.
 */
import { entries, isObj, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';
import { checkAlwaysRunningTemplate } from '../workload-validate';

export function validate(p: Problems, obj: Json): void {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const template = isObj(spec.template) ? spec.template : undefined;
  const templateMeta = template && isObj(template.metadata) ? template.metadata : {};
  const labels = Object.fromEntries(entries(templateMeta.labels)) as Record<string, unknown>;
  const selector = entries(spec.selector).length ? Object.fromEntries(entries(spec.selector)) : labels;
  if (Object.keys(selector).length === 0) p.required(['spec', 'selector']);
  if (!template) return p.required(['spec', 'template']);
  if (Object.keys(selector).length && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
    p.invalid(['spec', 'template', 'metadata', 'labels'], labels, ['`selector` does not match template `labels`']);
  }
  checkAlwaysRunningTemplate(p, template, ['spec', 'template']);
}
