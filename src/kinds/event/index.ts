/** The Event kind: kctl records them; describe shows them with the generic view. */
import type { KindDefinition } from '../types';
import { READ_VERBS } from '../verbs';

export const definition: KindDefinition = {
  kind: 'Event',
  list: async ({ state }) => (require('./list') as typeof import('./list')).eventObjects(state),
  get columns() {
    return (require('./columns') as typeof import('./columns')).eventColumns;
  },
  verbs: READ_VERBS,
};
