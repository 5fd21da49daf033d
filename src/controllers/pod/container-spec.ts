/** Turns one container of a Pod into the runtime's ContainerSpec: names, labels, network, ports, command. */
import type { KObject } from '../../api/types';
import { LABEL, type ContainerSpec, type PortBinding } from '../../runtime/runtime';
import { containerName, type Scope } from '../scope';

export interface ContainerSpecInput {
  pod: KObject;
  container: any;
  role: 'app' | 'init';
  attempt: number;
  scope: Scope;
  /** Docker network to join, or `container:<id>` to share the pod's network with its first container. */
  network: string;
  publishAddress: string;
  env: Record<string, string>;
  extra?: Partial<ContainerSpec>;
}

export function podLabels(pod: KObject, scope: Scope): Record<string, string> {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  return {
    ...scope.labels,
    [LABEL.namespace]: pod.metadata.namespace ?? 'default',
    [LABEL.pod]: pod.metadata.name,
    [LABEL.podUid]: pod.metadata.uid ?? '',
    [LABEL.owner]: owner?.name ?? '',
    [LABEL.templateHash]: pod.metadata.labels?.['pod-template-hash'] ?? '',
  };
}

export function buildContainerSpec(input: ContainerSpecInput): ContainerSpec {
  const { pod, container, scope } = input;
  const ns = pod.metadata.namespace ?? 'default';
  const sharesNetwork = input.network.startsWith('container:');
  const ports: PortBinding[] = sharesNetwork
    ? []
    : (pod.spec.containers as any[]).flatMap((c) =>
        (c.ports ?? []).map((p: any) => ({
          containerPort: p.containerPort,
          protocol: (p.protocol ?? 'TCP') as 'TCP' | 'UDP',
          hostPort: p.hostPort ?? 0,
          hostIP: p.hostIP ?? input.publishAddress,
        })),
      );
  return {
    name: containerName(ns, pod.metadata.name, container.name, input.attempt),
    image: container.image,
    labels: {
      ...podLabels(pod, scope),
      [LABEL.container]: container.name,
      [LABEL.role]: input.role,
      [LABEL.attempt]: String(input.attempt),
      [LABEL.version]: require('../../../package.json').version,
    },
    command: container.command,
    args: container.args,
    env: input.env,
    workingDir: container.workingDir,
    network: input.network,
    networkAliases: sharesNetwork ? undefined : [pod.metadata.name],
    hostname: sharesNetwork ? undefined : (pod.spec.hostname ?? pod.metadata.name).slice(0, 63),
    ports,
    ...input.extra,
  };
}
