/** The objects of one kind, for the verbs that read (get, describe): stored ones from the state, the others from where they live. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { matchesSelector, type Selector } from '../api/selector';
import { kindDefinition } from '../kinds/registry';
import type { State } from '../store/state';

/** In `namespace` (every namespace when undefined), matching `selector` when given. */
export async function listObjects(f: Factory, state: State, kind: string, namespace: string | undefined, selector?: Selector): Promise<KObject[]> {
  const list = kindDefinition(kind)?.list;
  if (!list) return state.list(kind, namespace, selector);
  const objects = await list({ state, runtime: () => f.runtime(), env: f.env });
  return objects.filter((o) => (namespace === undefined || o.metadata.namespace === undefined || o.metadata.namespace === namespace) && (!selector || matchesSelector(selector, o.metadata.labels ?? {})));
}
