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
  applicable: false,
};
