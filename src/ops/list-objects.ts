/** The objects of one kind, for the verbs that read (get, describe): stored ones from the state, the others from where they live. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { matchesSelector, type Selector } from '../api/selector';
import { fieldMatcher, type FieldRequirement } from '../api/field-selector';
import { pluralName } from '../api/kinds';
import { kindDefinition } from '../kinds/registry';
import type { State } from '../store/state';

/** In `namespace` (every namespace when undefined), matching `selector` and `fields` when given. */
export async function listObjects(f: Factory, state: State, kind: string, namespace: string | undefined, selector?: Selector, fields?: FieldRequirement[]): Promise<KObject[]> {
  const matchesFields = fieldFilter(kind, fields);
  const list = kindDefinition(kind)?.list;
  if (!list) return state.list(kind, namespace, selector).filter(matchesFields);
  const objects = await list({ state, runtime: () => f.runtime(), env: f.env });
  return objects.filter((o) => (namespace === undefined || o.metadata.namespace === undefined || o.metadata.namespace === namespace) && (!selector || matchesSelector(selector, o.metadata.labels ?? {})) && matchesFields(o));
}

/** The test of a field selector on objects of `kind`; refuses a field the kind cannot be selected by, as the API server does. */
export function fieldFilter(kind: string, fields: FieldRequirement[] | undefined): (obj: KObject) => boolean {
  return fields?.length ? fieldMatcher(fields, kindDefinition(kind)?.fieldLabels, pluralName(kind)) : () => true;
}
