import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'DaemonSet',
  apiVersion: 'apps/v1',
  acceptedApiVersions: ['apps/v1'],
  plural: 'daemonsets',
  singular: 'daemonset',
  shortNames: ['ds'],
  display: 'daemonset.apps',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'daemonset',
  applicable: true,
};
