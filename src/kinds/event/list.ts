import type { KObject } from '../../api/types';
import type { State } from '../../store/state';

/** Events are kept beside the objects; they are listed as Event objects, named the same in every namespace view. */
export function eventObjects(state: State): KObject[] {
  return state.data.events.map(
    (e, i) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: `${e.involvedObject.name}.${i}`, namespace: e.involvedObject.namespace ?? 'default', creationTimestamp: e.firstTimestamp }, ...e }) as unknown as KObject,
  );
}
