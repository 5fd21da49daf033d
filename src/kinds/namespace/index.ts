/** The Namespace kind; deleting one is the garbage collector's work (controllers/gc.ts). */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Namespace',
  fieldLabels: { 'status.phase': (ns) => ns.status?.phase ?? 'Active' },
  get columns() {
    return (require('../../printers/columns/config') as typeof import('../../printers/columns/config')).namespaceColumns;
  },
  describe: (ns) => (require('../../printers/describe/config') as typeof import('../../printers/describe/config')).describeNamespace(ns),
  verbs: MANIFEST_VERBS,
};
