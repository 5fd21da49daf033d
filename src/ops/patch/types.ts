/** kubectl patch's --type values. */
export const PATCH_TYPES = ['json', 'merge', 'strategic'] as const;
export type PatchType = (typeof PATCH_TYPES)[number];
