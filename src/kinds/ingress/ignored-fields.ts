/** kctl's ingress serves plain HTTP: TLS termination (spec.tls) is accepted with a warning, not served. */
import type { IgnoredSection } from '../../api/kind-parts';

export const ignoredSections: IgnoredSection[] = [{ at: ['spec'], fields: { tls: [] } }];
