/** Checks of a HorizontalPodAutoscaler the JSON Schema cannot express (k8s pkg/apis/autoscaling/validation). */
import { dns1123SubdomainErrors, formatValue } from '../../api/names';
import { isNumber, isObj, isString, list, type FieldPath, type Problems } from '../../api/problems';
import { parseQuantity, quantityErrors } from '../../api/quantity';
import type { Json } from '../../api/types';

export function validate(p: Problems, obj: Json): void {
  checkHpaSpec(p, obj.spec, ['spec']);
}

/**
 * The kinds with a scale subresource, which an HPA can target. The registry (above this layer) says the same
 * with its `scale` capability; a unit test keeps the two equal.
 */
export const SCALE_TARGET_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

function checkHpaSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
  const target = isObj(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
  if (isString(target.kind) && !SCALE_TARGET_KINDS.includes(target.kind)) {
    const supported = SCALE_TARGET_KINDS.map((k) => JSON.stringify(k)).join(', ');
    p.add([...path, 'scaleTargetRef', 'kind'], `Unsupported value: ${formatValue(target.kind)}: supported values: ${supported}`);
  }
  if (isString(target.name)) p.invalid([...path, 'scaleTargetRef', 'name'], target.name, dns1123SubdomainErrors(target.name));
  const min = isNumber(spec.minReplicas) ? spec.minReplicas : 1;
  if (isNumber(spec.maxReplicas) && spec.maxReplicas < min) {
    p.invalid([...path, 'maxReplicas'], spec.maxReplicas, ['must be greater than or equal to `minReplicas`']);
  }
  list(spec.metrics).forEach((m, i) => {
    if (!isObj(m) || m.type !== 'Resource') return;
    const mPath = [...path, 'metrics', i];
    if (!isObj(m.resource)) return p.required([...mPath, 'resource'], 'must populate information for the given metric source');
    const t = m.resource.target;
    if (!isObj(t)) return;
    const tPath = [...mPath, 'resource', 'target'];
    if (t.type === 'Utilization' && t.averageUtilization === undefined) p.required([...tPath, 'averageUtilization'], 'must populate the given metric target');
    if (t.type === 'AverageValue' && t.averageValue === undefined) p.required([...tPath, 'averageValue'], 'must populate the given metric target');
    if (t.averageUtilization !== undefined && t.averageValue !== undefined) {
      p.forbidden([...tPath, 'averageValue'], 'may not set both a target raw value and a target utilization');
    }
    if (t.averageValue !== undefined) {
      const errs = quantityErrors(t.averageValue);
      if (errs.length) p.invalid([...tPath, 'averageValue'], t.averageValue, errs);
      else if (parseQuantity(t.averageValue)!.num === 0n) p.invalid([...tPath, 'averageValue'], t.averageValue, ['must be positive']);
    }
  });
}
