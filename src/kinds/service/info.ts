import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Service',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'services',
  singular: 'service',
  shortNames: ['svc'],
  display: 'service',
  namespaced: true,
  nameRule: 'dns1035Label',
  schema: 'service',
  applicable: true,
};
