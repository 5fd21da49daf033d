import { age } from '../../printers/age';
import { podSummary } from './status-column';
import { headers, type KindColumns } from '../../printers/columns/types';

/** kubectl's pod columns; -o wide shows where the pod runs on this machine: IP, NODE and its Docker container. */
export const podColumns: KindColumns = {
  headers: headers(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ['IP', 'NODE', 'CONTAINER-ID']),
  cells(pod, { now, wide }) {
    const s = podSummary(pod, now);
    const cells = [pod.metadata.name, s.ready, s.status, s.restarts, age(pod.metadata.creationTimestamp, now)];
    if (!wide) return cells;
    const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
    // Every pod runs on the local Docker engine; the reconciler may record its host name as nodeName.
    const node = pod.spec?.nodeName || 'localhost';
    return [...cells, ip, node, shortContainerId(pod.status?.containerStatuses?.[0]?.containerID)];
  },
};

/** `docker://0123456789abcdef...` -> `0123456789ab`, as `docker ps` shows ids. */
function shortContainerId(id: string | undefined): string {
  if (!id) return '<none>';
  return id.replace(/^[a-z]+:\/\//, '').slice(0, 12);
}
