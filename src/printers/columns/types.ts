import type { KObject } from '../../api/types';

export interface CellContext {
  now: Date;
  wide: boolean;
}

/** How one kind prints in `get`: headers in capitals as kubectl prints them, and the cells of one object. */
export interface KindColumns {
  headers(wide: boolean): string[];
  /** One cell per header, in the same order. */
  cells(obj: KObject, ctx: CellContext): string[];
}

/** Headers for kinds whose -o wide columns come after the normal ones (most of them). */
export function headers(normal: string[], wide: string[] = []): (wide: boolean) => string[] {
  return (w) => (w ? [...normal, ...wide] : normal);
}
