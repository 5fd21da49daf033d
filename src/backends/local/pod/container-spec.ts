/** Turns one container of a Pod (or its sandbox) into the runtime's ContainerSpec: names, labels, network, ports. */
import { fromLabelSelector, matchesSelector } from '../../../api/selector';
import type { KObject } from '../../../api/types';
import { LABEL, type ContainerSpec, type PortBinding } from '../../../runtime/runtime';
import type { State } from '../../../store/state';
import { VERSION } from '../../../version';
import { containerName, type Scope } from '../scope';
import { ownerManifestLabel } from './owner-manifest';

export type Role = 'app' | 'init' | 'ephemeral' | 'sandbox';

/** The sandbox's name in `docker ps` (a Kubernetes container name is lowercase, so it cannot clash). */
export const SANDBOX_NAME = 'POD';

export interface ContainerSpecInput {
  pod: KObject;
  /** The pod's container; undefined for the sandbox. */
  container?: any;
  image: string;
  role: Role;
  attempt: number;
  scope: Scope;
  /** Docker network to join, or `container:<id>` to share the network of the sandbox (or first container). */
  network: string;
  /** Published by whoever owns the pod's network. */
  ports: PortBinding[];
  extra?: Partial<ContainerSpec>;
  /** The state the pass read: the pod's owners go on the container for `kctl state rebuild` (owner-manifest.ts). */
  state?: State;
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

/**
 * The ports of all app containers, published on `publishAddress` on a free host port; a hostPort (which Pod
 * Security admits only on an opt-in) on its hostIP if it names one. As in Kubernetes, hostIP means nothing
 * without a hostPort.
 */
export function podPorts(pod: KObject, publishAddress: string): PortBinding[] {
  return (pod.spec.containers as any[]).flatMap((c) =>
    (c.ports ?? []).map((p: any) => ({
      containerPort: p.containerPort,
      protocol: (p.protocol ?? 'TCP') as 'TCP' | 'UDP',
      hostPort: p.hostPort ?? 0,
      hostIP: (p.hostPort && p.hostIP) || publishAddress,
    })),
  );
}

export function buildContainerSpec(input: ContainerSpecInput): ContainerSpec {
  const { pod, container, scope } = input;
  const ns = pod.metadata.namespace ?? 'default';
  const sharesNetwork = input.network.startsWith('container:');
  const name = container?.name ?? SANDBOX_NAME;
  return {
    name: containerName(ns, pod.metadata.name, name, input.attempt),
    image: input.image,
    labels: {
      ...podLabels(pod, scope),
      ...(container ? { [LABEL.container]: container.name } : {}),
      [LABEL.role]: input.role,
      [LABEL.attempt]: String(input.attempt),
      [LABEL.version]: VERSION,
      ...(input.state ? ownerManifestLabel(input.state, pod) : {}),
    },
    network: input.network,
    networkAliases: sharesNetwork ? undefined : podAliases(pod, input.state),
    hostname: sharesNetwork ? undefined : (pod.spec.hostname ?? pod.metadata.name).slice(0, 63),
    ports: input.ports,
    ...input.extra,
  };
}

/**
 * The names Docker's DNS answers with the pod's address: its name; with hostname and subdomain, as cluster DNS
 * does, `<hostname>.<subdomain>[.<namespace>[.svc[.cluster.local]]]`; and the names of every headless Service of
 * the namespace that selects it (a headless Service's A records are its pods' addresses). Docker takes aliases
 * when the container is made, so a headless Service or label made later counts from the pod's next start, and a
 * pod answers for its headless Services whether Ready or not (as with publishNotReadyAddresses).
 */
export function podAliases(pod: KObject, state: State | undefined): string[] {
  const ns = pod.metadata.namespace ?? 'default';
  const { hostname, subdomain } = pod.spec ?? {};
  const dnsNames = (name: string) => [name, `${name}.${ns}`, `${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`];
  const own = hostname && subdomain ? dnsNames(`${hostname}.${subdomain}`) : [];
  const labels = pod.metadata.labels ?? {};
  const headless = (state?.list('Service', ns) ?? []).filter((svc) => svc.spec?.clusterIP === 'None' && !svc.metadata.deletionTimestamp && svc.spec.selector && Object.keys(svc.spec.selector).length && matchesSelector(fromLabelSelector({ matchLabels: svc.spec.selector }), labels));
  return [...new Set([pod.metadata.name, ...own, ...headless.flatMap((svc) => dnsNames(svc.metadata.name))])];
}
