import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'replicationcontrollers',
  singular: 'replicationcontroller',
  shortNames: ['rc'],
  display: 'replicationcontroller',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'replicationcontroller',
  applicable: true,
};
