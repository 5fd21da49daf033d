import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'HorizontalPodAutoscaler',
  apiVersion: 'autoscaling/v2',
  acceptedApiVersions: ['autoscaling/v2'],
  plural: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  shortNames: ['hpa'],
  display: 'horizontalpodautoscaler.autoscaling',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'horizontalpodautoscaler',
  applicable: true,
};
