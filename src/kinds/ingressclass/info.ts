import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'IngressClass',
  apiVersion: 'networking.k8s.io/v1',
  acceptedApiVersions: ['networking.k8s.io/v1'],
  plural: 'ingressclasses',
  singular: 'ingressclass',
  shortNames: [],
  display: 'ingressclass.networking.k8s.io',
  namespaced: false,
  nameRule: 'dns1123Subdomain',
  schema: 'ingressclass',
  applicable: true,
};
