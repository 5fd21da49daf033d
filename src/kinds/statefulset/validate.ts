/**
 * Checks of a StatefulSet the JSON Schema cannot express (k8s pkg/apis/apps/validation ValidateStatefulSetSpec):
 * the selector and template a Deployment has, a maxUnavailable above 0 and at most 100%, no rollingUpdate with OnDelete, and
 * claim templates that are valid claims. The pod spec is checked with the claim templates as its volumes, as
 * the pods will have them.
 */
import { isObj, list, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';
import { checkPvcSpec } from '../persistentvolumeclaim/validate';
import { checkIntOrPercent, checkSelectedTemplate } from '../workload-validate';
import { withClaimVolumes } from './claims';

export function validate(p: Problems, obj: Json): void {
  if (!isObj(obj.spec)) return;
  const claims = list(obj.spec.volumeClaimTemplates).filter(isObj);
  claims.forEach((claim, i) => {
    const name = isObj(claim.metadata) ? claim.metadata.name : undefined;
    if (typeof name !== 'string' || name === '') p.required(['spec', 'volumeClaimTemplates', i, 'metadata', 'name']);
    checkPvcSpec(p, claim.spec, ['spec', 'volumeClaimTemplates', i, 'spec']);
  });
  const template = isObj(obj.spec.template) ? obj.spec.template : undefined;
  const spec = template && isObj(template.spec) ? { ...obj.spec, template: { ...template, spec: withClaimVolumes(template.spec, claims) } } : obj.spec;
  checkSelectedTemplate(p, spec, ['spec'], 'statefulset');
  const strategy = obj.spec.updateStrategy;
  if (!isObj(strategy)) return;
  const rollingPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  if (strategy.type === 'OnDelete' && strategy.rollingUpdate !== undefined) {
    p.invalid(rollingPath, strategy.rollingUpdate, ["only allowed for updateStrategy 'RollingUpdate'"]);
  } else if (isObj(strategy.rollingUpdate) && strategy.rollingUpdate.maxUnavailable !== undefined) {
    const path = [...rollingPath, 'maxUnavailable'];
    const value = strategy.rollingUpdate.maxUnavailable;
    const checked = checkIntOrPercent(p, value, path);
    if (checked === 0) p.invalid(path, value, ['cannot be 0']);
    else if (checked !== undefined && typeof value === 'string' && checked > 100) p.invalid(path, value, ['must not be greater than 100%']);
  }
}
