/**
 * How a workload controller writes its pods (Kubernetes' controller.PodControl): a create is answered as the API
 * server would answer it (Pod Security admission, the host's pod capacity) and recorded on the owner as
 * SuccessfulCreate or FailedCreate; a delete marks the pod and records SuccessfulDelete. The pod controller and
 * the garbage collector do the rest.
 */
import { rfc3339 } from '../../api/time';
import type { KObject } from '../../api/types';
import type { State } from '../../store/state';
import { noRoomFor, type HostLimits } from './capacity';
import { podSecurityDenial } from './security/admission';

/**
 * Stores `pod` unless it is refused; `roomLeft` is what the host can still run. Returns the refusal, if any.
 * `created` is the event's message when the owner's controller words it otherwise (the StatefulSet's does).
 */
export function createOwnedPod(state: State, owner: KObject, pod: KObject, limits: HostLimits, roomLeft: number, created = `Created pod: ${pod.metadata.name}`): string | undefined {
  const denial = podSecurityDenial(state, pod) ?? (roomLeft < 1 ? noRoomFor(pod, limits) : undefined);
  if (denial) {
    state.event(owner, 'Warning', 'FailedCreate', `Error creating: ${denial}`);
    return denial;
  }
  state.put(pod);
  state.event(owner, 'Normal', 'SuccessfulCreate', created);
  return undefined;
}

export function deleteOwnedPod(state: State, owner: KObject, pod: KObject, now: Date, deleted = `Deleted pod: ${pod.metadata.name}`): void {
  pod.metadata.deletionTimestamp = rfc3339(now);
  state.put(pod);
  state.event(owner, 'Normal', 'SuccessfulDelete', deleted);
}
