/** The CustomResourceDefinition kind (apiextensions.k8s.io/v1): each defines a kind kctl then serves (src/kinds/custom). */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'CustomResourceDefinition',
  sync: [(ctx, crd) => (require('./established') as typeof import('./established')).syncEstablished(ctx.state, crd)],
  get columns() {
    return (require('./columns') as typeof import('./columns')).crdColumns;
  },
  verbs: MANIFEST_VERBS,
};
