import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'CustomResourceDefinition',
  apiVersion: 'apiextensions.k8s.io/v1',
  acceptedApiVersions: ['apiextensions.k8s.io/v1'],
  plural: 'customresourcedefinitions',
  singular: 'customresourcedefinition',
  shortNames: ['crd', 'crds'],
  display: 'customresourcedefinition.apiextensions.k8s.io',
  namespaced: false,
  nameRule: 'dns1123Subdomain',
  schema: 'customresourcedefinition',
  applicable: true,
};
