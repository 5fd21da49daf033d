/**
 * The one node kctl has: the machine of the Docker engine, built from `docker info` each time it is asked
 * for (never stored). It is named `localhost`, the name every pod's NODE column and spec.nodeName field
 * reference give, so `kubectl describe node $(kubectl get pod p -o jsonpath='{.spec.nodeName}')` works.
 */
import type { KObject } from '../../api/types';
import type { HostInfo, RuntimeInfo } from '../../runtime/runtime';
import { VERSION } from '../../version';

export const NODE_NAME = 'localhost';

export function nodeFromHost(host: HostInfo, engine: RuntimeInfo, maxPods: number, since: string | undefined): KObject {
  const capacity = { cpu: String(host.cpus), 'ephemeral-storage': '0', memory: `${Math.floor(host.memoryBytes / 1024)}Ki`, pods: String(maxPods) };
  const condition = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: since, lastTransitionTime: since, reason, message });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: NODE_NAME,
      labels: {
        'kubernetes.io/arch': engine.arch,
        'kubernetes.io/hostname': NODE_NAME,
        'kubernetes.io/os': engine.os,
        'node-role.kubernetes.io/control-plane': '',
      },
      ...(since ? { creationTimestamp: since } : {}),
    },
    spec: {},
    status: {
      capacity,
      allocatable: capacity,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', `kctl is driving the Docker engine ${engine.version}`),
      ],
      addresses: [
        { type: 'InternalIP', address: '127.0.0.1' },
        { type: 'Hostname', address: host.name },
      ],
      nodeInfo: {
        architecture: engine.arch,
        containerRuntimeVersion: `docker://${engine.version}`,
        kernelVersion: host.kernelVersion,
        kubeProxyVersion: `v${VERSION}`,
        kubeletVersion: `v${VERSION}`,
        operatingSystem: engine.os,
        osImage: host.operatingSystem,
      },
    },
  };
}
