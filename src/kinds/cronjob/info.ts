import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'CronJob',
  apiVersion: 'batch/v1',
  acceptedApiVersions: ['batch/v1'],
  plural: 'cronjobs',
  singular: 'cronjob',
  shortNames: ['cj'],
  display: 'cronjob.batch',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  schema: 'cronjob',
  applicable: true,
};
