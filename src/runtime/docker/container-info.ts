/** The engine's container inspect answer -> ContainerInfo (kctl's terms). */
import type Dockerode from 'dockerode';
import type { ContainerInfo, ContainerStatus, PortBinding } from '../runtime';

/** Docker's "never" for StartedAt/FinishedAt. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

export function containerInfo(c: Dockerode.ContainerInspectInfo): ContainerInfo {
  const state = c.State;
  const status = state.Status as ContainerStatus;
  const finished = status === 'exited' || status === 'dead';
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config.Image,
    labels: c.Config.Labels ?? {},
    status,
    exitCode: finished ? state.ExitCode : undefined,
    oomKilled: state.OOMKilled || undefined,
    createdAt: c.Created,
    startedAt: timestamp(state.StartedAt),
    finishedAt: timestamp(state.FinishedAt),
    ip: Object.values(c.NetworkSettings.Networks ?? {}).find((n) => n.IPAddress)?.IPAddress,
    ports: status === 'running' ? publishedPorts(c.NetworkSettings.Ports) : [],
    error: state.Error || undefined,
  };
}

/**
 * A memory-limited container killed by SIGKILL (137) that Docker did not mark OOMKilled. Docker 20.10 marks it only
 * when the kernel's OOM notice reaches it before the exit; on a busy host it can arrive just after, and then the
 * flag stays false although an `oom` event was logged.
 */
export function oomUnconfirmed(c: Dockerode.ContainerInspectInfo): boolean {
  return !c.State.Running && c.State.ExitCode === 137 && !c.State.OOMKilled && (c.HostConfig?.Memory ?? 0) > 0;
}

function timestamp(t: string | undefined): string | undefined {
  return t && t !== ZERO_TIME ? t : undefined;
}

/** Ports the engine actually published (a running container's; a stopped one holds none). */
function publishedPorts(ports: Dockerode.PortMap | undefined): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, proto] = key.split('/');
    for (const b of bindings ?? []) {
      out.push({ containerPort: Number(port), protocol: proto === 'udp' ? 'UDP' : 'TCP', hostPort: Number(b.HostPort), hostIP: b.HostIp ?? '' });
    }
  }
  return out;
}
