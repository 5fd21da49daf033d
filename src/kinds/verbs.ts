/** kubectl's api-resources VERBS for the two sorts of kind: written in manifests, or only made by kctl. */
export const MANIFEST_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] as const;
export const READ_VERBS = ['get', 'list', 'watch'] as const;
