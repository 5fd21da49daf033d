import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'Job',
  apiVersion: 'batch/v1',
  acceptedApiVersions: ['batch/v1'],
  plural: 'jobs',
  singular: 'job',
  shortNames: [],
  display: 'job.batch',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'job',
  applicable: true,
};
