/**
 * One line per kind: what it can do is in its folder (src/kinds/<kind>/index.ts), loaded the first time a
 * command asks, so a command loads only the kinds it touches. The order of the lines is the order in which a
 * reconcile pass runs the object controllers (manager.ts syncObjects): the HPA scales its target before the
 * target syncs, a Deployment sizes its ReplicaSets before they make pods, a CronJob makes its Jobs before they run, Services select the pods made.
 */
import { kindInfo } from '../api/kinds';
import type { KindDefinition } from './types';

type Loader = () => { definition: KindDefinition };

const LINES: [kind: string, load: Loader][] = [
  ['Namespace', () => require('./namespace')],
  ['HorizontalPodAutoscaler', () => require('./horizontalpodautoscaler')],
  ['Deployment', () => require('./deployment')],
  ['ReplicaSet', () => require('./replicaset')],
  ['DaemonSet', () => require('./daemonset')],
  ['StatefulSet', () => require('./statefulset')],
  ['ReplicationController', () => require('./replicationcontroller')],
  ['CronJob', () => require('./cronjob')],
  ['Job', () => require('./job')],
  ['Pod', () => require('./pod')],
  ['Service', () => require('./service')],
  ['Endpoints', () => require('./endpoints')],
  ['Ingress', () => require('./ingress')],
  ['IngressClass', () => require('./ingressclass')],
  ['ConfigMap', () => require('./configmap')],
  ['Secret', () => require('./secret')],
  ['PersistentVolumeClaim', () => require('./persistentvolumeclaim')],
  ['PersistentVolume', () => require('./persistentvolume')],
  ['StorageClass', () => require('./storageclass')],
  ['Event', () => require('./event')],
  ['Node', () => require('./node')],
  ['ControllerRevision', () => require('./controllerrevision')],
  ['CustomResourceDefinition', () => require('./customresourcedefinition')],
];

const loaders = new Map(LINES);

/** What `kind` can do; undefined for a kind kctl does not know. */
export function kindDefinition(kind: string | undefined): KindDefinition | undefined {
  if (kind === undefined) return undefined;
  return loaders.get(kind)?.().definition ?? (require('./custom/definition') as typeof import('./custom/definition')).customKindDefinition(kind);
}

/** Every kind, in registry (controller) order. */
export function kindDefinitions(): KindDefinition[] {
  return LINES.map(([, load]) => load().definition);
}

/** The kinds that have what `has` asks for, in registry order: what a verb's refusal names. */
export function kindsWith(has: (d: KindDefinition) => unknown): KindDefinition[] {
  return kindDefinitions().filter((d) => has(d));
}

/** The kinds of a category (`all`), in discovery order. */
export function kindsInCategory(category: string): KindDefinition[] {
  return inDiscoveryOrder(kindsWith((d) => d.categories?.includes(category)));
}

/** kubectl's order: by API group as discovery lists them (the core group first), then by resource name. */
export function inDiscoveryOrder(kinds: KindDefinition[]): KindDefinition[] {
  const group = (d: KindDefinition) => kindGroup(d.kind);
  const plural = (d: KindDefinition) => kindInfo(d.kind).plural;
  return [...kinds].sort((a, b) => group(a).localeCompare(group(b)) || plural(a).localeCompare(plural(b)));
}

function kindGroup(kind: string): string {
  const apiVersion = kindInfo(kind).apiVersion;
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
