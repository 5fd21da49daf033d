/**
 * What `kctl get` shows is the real world: the stored pod status corrected by what Docker reports now, so a
 * container killed or removed behind kctl's back shows at once, even when no reconciler has run since.
 * Read-only: it changes nothing (the next reconcile pass repairs).
 */
import type { KObject } from '../../../api/types';
import { LABEL, type ContainerInfo } from '../../../runtime/runtime';
import { stateOf } from './container-status';

export function observePods(pods: KObject[], containers: ContainerInfo[]): KObject[] {
  const byId = new Map(containers.map((c) => [c.id, c]));
  return pods.map((pod) => {
    const statuses = pod.status?.containerStatuses as any[] | undefined;
    if (!statuses?.length || pod.metadata.deletionTimestamp) return pod;
    let changed = false;
    const observed = statuses.map((cs) => {
      const id = String(cs.containerID ?? '').replace(/^docker:\/\//, '');
      if (!id) return cs;
      const info = byId.get(id) ?? newerAttempt(containers, pod, cs.name);
      if (!info) {
        changed = true;
        return { ...cs, ready: false, state: { waiting: { reason: 'ContainerCreating', message: 'the container is gone; kctl will recreate it' } } };
      }
      if (info.status === 'running' || cs.state?.waiting) return cs;
      changed = true;
      return { ...cs, ready: false, started: false, state: stateOf(info) };
    });
    if (!changed) return pod;
    const copy = structuredClone(pod);
    copy.status.containerStatuses = observed;
    copy.status.conditions = (copy.status.conditions ?? []).map((c: any) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' } : c));
    return copy;
  });
}

function newerAttempt(containers: ContainerInfo[], pod: KObject, name: string): ContainerInfo | undefined {
  return containers
    .filter((c) => c.labels[LABEL.podUid] === pod.metadata.uid && c.labels[LABEL.container] === name)
    .sort((a, b) => Number(b.labels[LABEL.attempt] ?? 0) - Number(a.labels[LABEL.attempt] ?? 0))[0];
}
