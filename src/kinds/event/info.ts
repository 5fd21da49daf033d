import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Event',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  display: 'event',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  applicable: false,
};
