import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'StatefulSet',
  apiVersion: 'apps/v1',
  acceptedApiVersions: ['apps/v1'],
  plural: 'statefulsets',
  singular: 'statefulset',
  shortNames: ['sts'],
  display: 'statefulset.apps',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'statefulset',
  applicable: true,
};
