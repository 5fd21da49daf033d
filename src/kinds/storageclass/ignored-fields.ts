/**
 * StorageClass fields kctl's provisioner cannot honour: it makes plain Docker volumes that go with their claim
 * (reclaimPolicy Delete), with no parameters or mount options.
 */
import type { IgnoredSection } from '../../api/kind-parts';

export const ignoredSections: IgnoredSection[] = [{ at: [], fields: { reclaimPolicy: ['Delete'], parameters: [], mountOptions: [] } }];
