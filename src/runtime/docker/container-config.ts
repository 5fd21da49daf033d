/** ContainerSpec (kctl's terms) -> the engine's container create request. */
import type Dockerode from 'dockerode';
import type { ContainerSpec } from '../runtime';

export function createOptions(spec: ContainerSpec): Dockerode.ContainerCreateOptions {
  const sharesNetwork = spec.network?.startsWith('container:') ?? false;
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports ?? []) {
    const key = `${p.containerPort}/${p.protocol.toLowerCase()}`;
    exposed[key] = {};
    // HostPort '' asks the engine for a free port.
    (bindings[key] ??= []).push({ HostIp: p.hostIP, HostPort: p.hostPort ? String(p.hostPort) : '' });
  }
  return {
    name: spec.name,
    Image: spec.image,
    Labels: spec.labels,
    Entrypoint: spec.command,
    Cmd: spec.args,
    Env: spec.env ? Object.entries(spec.env).map(([k, v]) => `${k}=${v}`) : undefined,
    WorkingDir: spec.workingDir,
    // The engine refuses a hostname for a container that shares another one's network.
    Hostname: sharesNetwork ? undefined : spec.hostname,
    User: spec.user,
    StopSignal: spec.stopSignal,
    OpenStdin: spec.stdin,
    StdinOnce: spec.stdinOnce,
    Tty: spec.tty,
    ExposedPorts: spec.ports?.length ? exposed : undefined,
    HostConfig: {
      NetworkMode: spec.network,
      PidMode: spec.pidMode,
      PortBindings: spec.ports?.length ? bindings : undefined,
      Mounts: spec.mounts?.map((m) => ({
        Type: m.type,
        Source: m.type === 'tmpfs' ? undefined : m.source,
        Target: m.target,
        ReadOnly: m.readOnly ?? false,
      })) as Dockerode.MountConfig | undefined,
      Memory: spec.memoryBytes,
      // Kubernetes has no swap: a container is OOM-killed at its limit, not slowed down.
      MemorySwap: spec.memoryBytes,
      NanoCpus: spec.nanoCpus,
      ReadonlyRootfs: spec.readOnlyRootfs,
      CapAdd: spec.capAdd,
      CapDrop: spec.capDrop,
      Privileged: spec.privileged,
      SecurityOpt: spec.securityOpt,
      GroupAdd: spec.groupAdd,
      // No RestartPolicy: kctl restarts containers itself, with Kubernetes' back-off.
    },
    NetworkingConfig:
      spec.network && !sharesNetwork
        ? { EndpointsConfig: { [spec.network]: { Aliases: spec.networkAliases } } }
        : undefined,
  };
}
