import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'StorageClass',
  apiVersion: 'storage.k8s.io/v1',
  acceptedApiVersions: ['storage.k8s.io/v1', 'storage.k8s.io/v1beta1'],
  plural: 'storageclasses',
  singular: 'storageclass',
  shortNames: ['sc'],
  display: 'storageclass.storage.k8s.io',
  namespaced: false,
  nameRule: 'dns1123Subdomain',
  schema: 'storageclass',
  applicable: true,
};
