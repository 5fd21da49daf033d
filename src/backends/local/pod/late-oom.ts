/**
 * A finished pod's status is final but for one correction: the engine can learn of an OOM kill just after the
 * container exited (runtime/docker's oomUnconfirmed), so a terminated "Error" with exit code 137 becomes
 * "OOMKilled" once the engine reports it, as it would have been had the notice come first.
 */
import type { KObject } from '../../../api/types';
import type { ContainerInfo } from '../../../runtime/runtime';

const STATUS_LISTS = ['initContainerStatuses', 'containerStatuses'] as const;

/** The pod's status with late OOM kills named, or undefined when there is none. */
export function withLateOomKills(pod: KObject, actual: ContainerInfo[]): any | undefined {
  const oomKilled = new Set(actual.filter((c) => c.oomKilled).map((c) => `docker://${c.id}`));
  const late = (s: any) => {
    const t = s.state?.terminated;
    return t?.reason === 'Error' && t.exitCode === 137 && oomKilled.has(t.containerID);
  };
  if (!STATUS_LISTS.some((list) => (pod.status?.[list] ?? []).some(late))) return undefined;
  const status = { ...pod.status };
  for (const list of STATUS_LISTS) {
    if (!status[list]) continue;
    status[list] = status[list].map((s: any) => (late(s) ? { ...s, state: { terminated: { ...s.state.terminated, reason: 'OOMKilled' } } } : s));
  }
  return status;
}
