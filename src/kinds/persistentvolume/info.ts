import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'PersistentVolume',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'persistentvolumes',
  singular: 'persistentvolume',
  shortNames: ['pv'],
  display: 'persistentvolume',
  namespaced: false,
  nameRule: 'dns1123Subdomain',
  schema: 'persistentvolume',
  applicable: true,
};
