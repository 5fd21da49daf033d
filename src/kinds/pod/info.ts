import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Pod',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  display: 'pod',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'pod',
  applicable: true,
};
