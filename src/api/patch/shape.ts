/**
 * Where a strategic merge patch merges a list instead of replacing it: Kubernetes' `patchStrategy:"merge"` and
 * `patchMergeKey` struct tags, for the fields of the kinds kctl stores. A kind's definition holds the shape of
 * its own fields (kinds/<kind>/index.ts); ObjectMeta's is here, as every kind has it.
 */

/** A list merged element by element: maps by `mergeKey`, primitives (no key) as a set. */
export interface MergedList {
  mergeKey?: string;
  /** The shape of each element (a container's own merged lists). */
  item?: PatchShape;
}

/** The fields of a map whose values merge in their own way; any field not named merges maps and replaces lists. */
export interface PatchShape {
  [field: string]: PatchShape | MergedList;
}

export function mergedList(mergeKey?: string, item?: PatchShape): MergedList {
  return { mergeKey, item, [LIST]: true } as MergedList;
}

const LIST = Symbol('merged list');

export function isMergedList(shape: PatchShape | MergedList | undefined): shape is MergedList {
  return Boolean(shape && (shape as { [LIST]?: boolean })[LIST]);
}

/** ObjectMeta: owner references merge by uid, finalizers as a set. */
export const objectMetaShape: PatchShape = {
  ownerReferences: mergedList('uid'),
  finalizers: mergedList(),
};

/** A kind's top-level shape with ObjectMeta's added, so kinds name only their own fields. */
export function kindShape(own: PatchShape | undefined): PatchShape {
  return { metadata: objectMetaShape, ...own };
}
