/** Kubernetes containerStatuses from what Docker reports. */
import type { ContainerInfo } from '../../../runtime/runtime';

export interface ContainerStatus {
  name: string;
  image: string;
  imageID?: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: any;
  lastState: any;
}

export function terminatedState(info: ContainerInfo): any {
  const exitCode = info.exitCode ?? 0;
  return {
    terminated: {
      exitCode,
      reason: info.oomKilled ? 'OOMKilled' : exitCode === 0 ? 'Completed' : 'Error',
      startedAt: info.startedAt,
      finishedAt: info.finishedAt,
      containerID: `docker://${info.id}`,
    },
  };
}

/** The state of one Docker container as Kubernetes shows it. */
export function stateOf(info: ContainerInfo): any {
  switch (info.status) {
    case 'running':
    case 'paused':
    case 'restarting':
      return { running: { startedAt: info.startedAt } };
    case 'created':
      return { waiting: { reason: 'ContainerCreating' } };
    default:
      return terminatedState(info);
  }
}
