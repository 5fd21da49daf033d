import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Endpoints',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  display: 'endpoints',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  applicable: false,
};
