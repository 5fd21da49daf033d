import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'ConfigMap',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'configmaps',
  singular: 'configmap',
  shortNames: ['cm'],
  display: 'configmap',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'configmap',
  applicable: true,
};
