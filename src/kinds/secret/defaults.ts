/** The API server's default of a Secret: its type. */
import type { KObject } from '../../api/types';

export function defaults(obj: KObject): void {
  obj.type ??= 'Opaque';
}
