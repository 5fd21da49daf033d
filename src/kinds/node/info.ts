import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Node',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'nodes',
  singular: 'node',
  shortNames: ['no'],
  display: 'node',
  namespaced: false,
  nameRule: 'dns1123Subdomain',
  applicable: false,
};
