/** PersistentVolume fields that mean nothing for a bind-mounted host directory. */
import type { IgnoredSection } from '../../api/kind-parts';

export const ignoredSections: IgnoredSection[] = [
  { at: ['spec'], fields: { mountOptions: [], volumeAttributesClassName: [] } },
  { at: ['spec', 'local'], fields: { fsType: [] } },
];
