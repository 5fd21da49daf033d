/** `kctl get crds`: kubectl's columns for CustomResourceDefinitions. */
import { headers, type KindColumns } from '../../printers/columns/types';

export const crdColumns: KindColumns = {
  headers: headers(['NAME', 'CREATED AT'], []),
  cells: (crd) => [crd.metadata.name, String(crd.metadata.creationTimestamp ?? '')],
};
