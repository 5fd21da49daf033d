/** Resource requests and limits (of a container, of a volume claim): valid quantities, and no request above its limit. */
import { entries, isObj, type FieldPath, type Problems } from './problems';
import { compareQuantities, parseQuantity, quantityErrors } from './quantity';

export function checkResources(p: Problems, resources: unknown, path: FieldPath): void {
  if (!isObj(resources)) return;
  for (const group of ['limits', 'requests']) {
    for (const [name, value] of entries(resources[group])) {
      p.invalid([...path, group, name], value, quantityErrors(value));
    }
  }
  for (const [name, request] of entries(resources.requests)) {
    const limitValue = isObj(resources.limits) ? resources.limits[name] : undefined;
    const req = parseQuantity(request);
    const limit = parseQuantity(limitValue);
    if (req && limit && compareQuantities(req, limit) > 0) {
      p.invalid([...path, 'requests', name], String(request), [`must be less than or equal to ${name} limit of ${String(limitValue)}`]);
    }
  }
}
