import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  acceptedApiVersions: ['apps/v1'],
  plural: 'deployments',
  singular: 'deployment',
  shortNames: ['deploy'],
  display: 'deployment.apps',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'deployment',
  applicable: true,
};
