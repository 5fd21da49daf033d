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
