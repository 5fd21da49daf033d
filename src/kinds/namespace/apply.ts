/** What the API server sets on a new Namespace (its PrepareForCreate): it is Active until deleted. */
import type { KObject } from '../../api/types';

export function prepareForCreate(obj: KObject): void {
  obj.status = { phase: 'Active' };
}
