import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  acceptedApiVersions: ['apps/v1'],
  plural: 'replicasets',
  singular: 'replicaset',
  shortNames: ['rs'],
  display: 'replicaset.apps',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  applicable: false,
};
