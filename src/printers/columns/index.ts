/** The `get` columns of a kind, from its definition (src/kinds); kinds without any get kubectl's NAME and AGE. */
import { kindDefinition } from '../../kinds/registry';
import { age } from '../age';
import { headers, type KindColumns } from './types';

export type { KindColumns, CellContext } from './types';

const defaultColumns: KindColumns = {
  headers: headers(['NAME', 'AGE']),
  cells: (o, { now }) => [o.metadata.name, age(o.metadata.creationTimestamp, now)],
};

export function columnsFor(kind: string): KindColumns {
  return kindDefinition(kind)?.columns ?? defaultColumns;
}
