/**
 * What `kctl label`, `kctl annotate` (and `set image`, for its arguments) share: splitting the arguments into
 * resources and KEY=VALUE / KEY- pairs, checking the keys as the API server would, and finding the objects
 * named or selected. How the pairs themselves are parsed differs, in kubectl's own words, per command.
 */
import type { KObject } from '../api/types';
import { pluralName } from '../api/kinds';
import type { Selector } from '../api/selector';
import { NotFoundError, UsageError, ValidationError } from '../errors';
import type { State } from '../store/state';
import type { ResourceRef } from './resource-args';

/** kubectl's GetResourcesAndPairs: resources first, then KEY=VALUE / KEY- pairs. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length) throw new UsageError(`all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** Keys must be qualified names (`prefix/name`), as the API server checks metadata.labels and .annotations. */
export function checkKeys(keys: Iterable<string>, field: 'labels' | 'annotations'): void {
  const { qualifiedNameErrors, invalidValue } = require('../api/names') as typeof import('../api/names');
  const problems = [...keys].flatMap((k) => invalidValue(k, qualifiedNameErrors(k)).map((m) => `metadata.${field}: ${m}`));
  if (problems.length) throw new ValidationError(problems);
}

/** The objects the resources name, or (without a name) all of their kind in the namespace matching `selector`. */
export function selectObjects(state: State, refs: ResourceRef[], namespace: string, selector: Selector | undefined): KObject[] {
  return refs.flatMap((ref) => {
    const ns = ref.kind.namespaced ? namespace : undefined;
    if (ref.name === undefined) return state.list(ref.kind.kind, ns, selector);
    const obj = state.get(ref.kind.kind, ns, ref.name);
    if (!obj) throw new NotFoundError(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
    return [obj];
  });
}
