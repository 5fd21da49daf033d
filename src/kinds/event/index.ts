/** The Event kind: kctl records them; describe shows them with the generic view. */
import type { KindDefinition } from '../types';
import { READ_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Event',
  list: async ({ state }) => (require('./list') as typeof import('./list')).eventObjects(state),
  fieldLabels: {
    ...Object.fromEntries(['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((f) => [`involvedObject.${f}`, (e: any) => String(e.involvedObject?.[f] ?? '')])),
    reason: (e: any) => e.reason ?? '',
    reportingComponent: (e: any) => e.reportingComponent ?? '',
    source: (e: any) => (typeof e.source === 'string' ? e.source : (e.source?.component ?? '')),
    type: (e: any) => e.type ?? '',
  },
  get columns() {
    return (require('./columns') as typeof import('./columns')).eventColumns;
  },
  verbs: READ_VERBS,
};
