/** PersistentVolumeClaim fields that mean nothing with Docker volumes (binding to a volume, data sources). */
import type { IgnoredFields, IgnoredSection } from '../../api/kind-parts';

export const IGNORED_PVC_SPEC_FIELDS: IgnoredFields = {
  volumeName: [],
  selector: [],
  dataSource: [],
  dataSourceRef: [],
  volumeAttributesClassName: [],
};

export const ignoredSections: IgnoredSection[] = [{ at: ['spec'], fields: IGNORED_PVC_SPEC_FIELDS }];
