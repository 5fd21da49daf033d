/** IngressClass parameters configure a real controller; kctl's has none to take. */
import type { IgnoredSection } from '../../api/kind-parts';

export const ignoredSections: IgnoredSection[] = [{ at: ['spec'], fields: { parameters: [] } }];
