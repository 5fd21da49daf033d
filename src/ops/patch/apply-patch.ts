/** One patch of a given --type applied to an object, with the merge keys of its kind for a strategic patch. */
import type { KObject } from '../../api/types';
import { applyJsonPatch, JsonPatchError } from '../../api/patch/json-patch';
import { applyMergePatch } from '../../api/patch/merge-patch';
import { applyStrategicPatch, StrategicPatchError } from '../../api/patch/strategic';
import { deepCopy } from '../../api/patch/values';
import { KctlError } from '../../errors';
import { shapeOf } from '../../kinds/patch-shapes';
import type { PatchType } from './types';

/** The patched copy; `obj` is left as it was. Throws kubectl-worded errors for a patch that cannot apply. */
export function patchObject(obj: KObject, patch: unknown, type: PatchType, shown: string): unknown {
  try {
    if (type === 'json') return applyJsonPatch(obj, patch);
    if (type === 'merge') return applyMergePatch(deepCopy(obj), patch);
    const patched = applyStrategicPatch(obj, patch, shapeOf(obj.kind));
    if (patched === undefined) throw new StrategicPatchError('the patch deletes the whole object (use kctl delete)');
    return patched;
  } catch (e) {
    if (e instanceof JsonPatchError || e instanceof StrategicPatchError) throw new KctlError(`${shown}: unable to apply the ${type} patch: ${e.message}`);
    throw e;
  }
}
