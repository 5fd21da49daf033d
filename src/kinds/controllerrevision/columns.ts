/** `kctl get controllerrevisions`: printControllerRevision's columns (CONTROLLER as `statefulset.apps/web`). */
import { refName } from '../../api/kinds';
import { age } from '../../printers/age';
import { headers, type KindColumns } from '../../printers/columns/types';

export const controllerRevisionColumns: KindColumns = {
  headers: headers(['NAME', 'CONTROLLER', 'REVISION', 'AGE'], []),
  cells(cr, { now }) {
    const owner = cr.metadata.ownerReferences?.find((r) => r.controller);
    return [cr.metadata.name, owner ? refName(owner.kind, owner.name) : '<none>', String(cr.revision ?? 0), age(cr.metadata.creationTimestamp, now)];
  },
};
