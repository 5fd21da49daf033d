/** The Secret kind: read by the pods that use it, nothing to reconcile. */
import type { KindDefinition } from '../types';
import { MANIFEST_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Secret',
  fieldLabels: { type: (secret) => String(secret.type ?? 'Opaque') },
  get columns() {
    return (require('../../printers/columns/config') as typeof import('../../printers/columns/config')).secretColumns;
  },
  describe: (secret) => (require('../../printers/describe/config') as typeof import('../../printers/describe/config')).describeSecret(secret),
  verbs: MANIFEST_VERBS,
};
