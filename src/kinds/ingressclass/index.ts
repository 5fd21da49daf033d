/** The IngressClass kind (networking.k8s.io/v1): the classes whose Ingresses kctl serves (served.ts). */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'IngressClass',
  get columns() {
    return (require('./columns') as typeof import('./columns')).ingressClassColumns;
  },
  verbs: MANIFEST_VERBS,
};
