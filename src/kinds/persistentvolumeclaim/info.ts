import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  shortNames: ['pvc'],
  display: 'persistentvolumeclaim',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'persistentvolumeclaim',
  applicable: true,
};
