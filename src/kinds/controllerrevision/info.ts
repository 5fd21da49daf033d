import type { KindInfo } from '../../api/kind-parts';

export const info: KindInfo = {
  kind: 'ControllerRevision',
  apiVersion: 'apps/v1',
  acceptedApiVersions: ['apps/v1'],
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  shortNames: [],
  display: 'controllerrevision.apps',
  namespaced: true,
  nameRule: 'dns1123Subdomain',
  applicable: false,
};
