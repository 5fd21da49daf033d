import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Namespace',
  apiVersion: 'v1',
  acceptedApiVersions: ['v1'],
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  display: 'namespace',
  namespaced: false,
  nameRule: 'dns1123Label',
  schema: 'namespace',
  applicable: true,
};
