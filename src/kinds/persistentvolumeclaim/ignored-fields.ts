/** PersistentVolumeClaim fields kctl cannot honour (data sources, volume attributes). */
import type { IgnoredFields, IgnoredSection } from '../../api/kind-parts';

export const IGNORED_PVC_SPEC_FIELDS: IgnoredFields = {
  dataSource: [],
  dataSourceRef: [],
  volumeAttributesClassName: [],
};

export const ignoredSections: IgnoredSection[] = [{ at: ['spec'], fields: IGNORED_PVC_SPEC_FIELDS }];
