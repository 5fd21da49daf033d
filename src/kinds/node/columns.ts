import { age } from '../../printers/age';
import type { KindColumns } from '../../printers/columns/types';

/** `kubectl get nodes`, wide included. */
export const nodeColumns: KindColumns = {
  headers: (wide) => (wide ? ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']),
  cells(node: any, { now, wide }) {
    const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
    const status = ready?.status === 'True' ? 'Ready' : 'NotReady';
    const roles = Object.keys(node.metadata?.labels ?? {})
      .filter((l) => l.startsWith('node-role.kubernetes.io/'))
      .map((l) => l.slice('node-role.kubernetes.io/'.length))
      .sort();
    const info = node.status?.nodeInfo ?? {};
    const cells = [node.metadata.name, status, roles.join(',') || '<none>', age(node.metadata.creationTimestamp, now), info.kubeletVersion ?? ''];
    if (!wide) return cells;
    const address = (type: string) => (node.status?.addresses ?? []).find((a: any) => a.type === type)?.address ?? '<none>';
    return [...cells, address('InternalIP'), address('ExternalIP'), info.osImage ?? '', info.kernelVersion ?? '', info.containerRuntimeVersion ?? ''];
  },
};
