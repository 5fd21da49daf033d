/** Checks of a PersistentVolumeClaim the JSON Schema cannot express: a filesystem volume with a storage request. */
import { isObj, type FieldPath, type Problems } from '../../api/problems';
import { parseQuantity, quantityErrors } from '../../api/quantity';
import { checkResources } from '../../api/resource-checks';
import type { Json } from '../../api/types';

export function validate(p: Problems, obj: Json): void {
  checkPvcSpec(p, obj.spec, ['spec']);
}

export function checkPvcSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
  if (spec.volumeMode === 'Block') p.add([...path, 'volumeMode'], 'Unsupported value: "Block": kctl supports "Filesystem"');
  const resources = isObj(spec.resources) ? spec.resources : undefined;
  if (!resources) return;
  checkResources(p, resources, [...path, 'resources']);
  const storage = isObj(resources.requests) ? resources.requests.storage : undefined;
  if (storage === undefined) p.required([...path, 'resources', 'requests', 'storage']);
  else if (quantityErrors(storage).length === 0 && parseQuantity(storage)!.num === 0n) {
    p.invalid([...path, 'resources', 'requests', 'storage'], storage, ['must be greater than zero']);
  }
}
