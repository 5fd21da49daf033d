import type { KObject } from './types';

/** metadata.generation goes up by one with every change of an object's spec (Kubernetes starts at 1). */
export function bumpGeneration(obj: KObject, from: KObject = obj): void {
  obj.metadata.generation = (from.metadata.generation ?? 1) + 1;
}
