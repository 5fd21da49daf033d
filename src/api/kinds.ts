/**
 * The kinds kctl knows: how they are spelt on the command line, printed, stored and validated.
 * This table is the single source for resource-name resolution, `api-resources` and `kctl schema`.
 */
import { UsageError } from '../errors';

export interface KindInfo {
  kind: string;
  apiVersion: string;
  /** Also accepted in manifests (older or alternative group versions). */
  acceptedApiVersions: string[];
  plural: string;
  singular: string;
  shortNames: string[];
  /** How kubectl prints a reference: `deployment.apps`, `service`, ... */
  display: string;
  namespaced: boolean;
  /** File under schemas/ (without .json); absent for kinds only kctl creates (ReplicaSet, Endpoints, Event). */
  schema?: string;
  /** Users may write it in a manifest. */
  applicable: boolean;
}

export const KINDS: KindInfo[] = [
  { kind: 'Namespace', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], display: 'namespace', namespaced: false, schema: 'namespace', applicable: true },
  { kind: 'Deployment', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1'], plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], display: 'deployment.apps', namespaced: true, schema: 'deployment', applicable: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1'], plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], display: 'replicaset.apps', namespaced: true, applicable: false },
  { kind: 'Pod', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'pods', singular: 'pod', shortNames: ['po'], display: 'pod', namespaced: true, schema: 'pod', applicable: true },
  { kind: 'Service', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'services', singular: 'service', shortNames: ['svc'], display: 'service', namespaced: true, schema: 'service', applicable: true },
  { kind: 'Endpoints', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], display: 'endpoints', namespaced: true, applicable: false },
  { kind: 'ConfigMap', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], display: 'configmap', namespaced: true, schema: 'configmap', applicable: true },
  { kind: 'Secret', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'secrets', singular: 'secret', shortNames: [], display: 'secret', namespaced: true, schema: 'secret', applicable: true },
  { kind: 'PersistentVolumeClaim', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], display: 'persistentvolumeclaim', namespaced: true, schema: 'persistentvolumeclaim', applicable: true },
  { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2', acceptedApiVersions: ['autoscaling/v2'], plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', shortNames: ['hpa'], display: 'horizontalpodautoscaler.autoscaling', namespaced: true, schema: 'horizontalpodautoscaler', applicable: true },
  { kind: 'Event', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'events', singular: 'event', shortNames: ['ev'], display: 'event', namespaced: true, applicable: false },
];

const byKind = new Map(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo {
  const info = byKind.get(kind);
  if (!info) throw new UsageError(`unknown kind "${kind}"`);
  return info;
}

export function findKind(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/**
 * Resolves what a user typed (`deploy`, `deployments`, `deployment.apps`, `Deployment`) to a kind.
 * Throws the kubectl message for unknown resource types.
 */
export function resolveResource(typed: string): KindInfo {
  const t = typed.toLowerCase();
  for (const k of KINDS) {
    const group = k.display.includes('.') ? k.display.slice(k.display.indexOf('.')) : '';
    const names = [k.plural, k.singular, k.kind.toLowerCase(), ...k.shortNames];
    if (names.includes(t) || (group && names.some((n) => n + group === t))) return k;
  }
  throw new UsageError(`the server doesn't have a resource type "${typed}"`, 'run `kctl api-resources` for the list');
}

/** `deployment.apps/web` */
export function refName(kind: string, name: string): string {
  return `${kindInfo(kind).display}/${name}`;
}

/** `deployments.apps`, `pods`: how kubectl names a resource type in messages. */
export function pluralName(kind: string): string {
  const info = kindInfo(kind);
  const dot = info.display.indexOf('.');
  return info.plural + (dot >= 0 ? info.display.slice(dot) : '');
}
