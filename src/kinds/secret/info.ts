import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Secret',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'secrets',
  singular: 'secret',
  shortNames: [],
  display: 'secret',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'secret',
  applicable: true,
};
