import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Ingress',
  apiVersion: 'networking.k8s.io/v1',
  acceptedApiVersions: ['networking.k8s.io/v1'],
  plural: 'ingresses',
  singular: 'ingress',
  shortNames: ['ing'],
  display: 'ingress.networking.k8s.io',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'ingress',
  applicable: true,
};
