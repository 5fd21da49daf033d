/** The ControllerRevision kind (apps/v1): the StatefulSet controller keeps one per pod template it has run; they go with their owner. */
import type { KindDefinition } from '../types';

export const definition: KindDefinition = {
  kind: 'ControllerRevision',
  get columns() {
    return (require('./columns') as typeof import('./columns')).controllerRevisionColumns;
  },
  verbs: ['delete', 'get', 'list', 'watch'],
};
