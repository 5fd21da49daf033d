/**
 * Every kind kctl knows, one row each, with its api-layer parts from src/kinds/<kind>/: names (info.ts), the API
 * server's defaults (defaults.ts), semantic checks (validate.ts), the fields ignored on one host
 * (ignored-fields.ts) and what `apply` does to the kind beyond the shared merge (apply.ts).
 * Row order is the order of `kctl api-resources` and of name resolution.
 * A new kind is its folder, a row here, a row in registry.ts and its schema under schemas/.
 */
import type { KindParts } from '../api/kind-parts';
import { info as configmap } from './configmap/info';
import { info as controllerrevision } from './controllerrevision/info';
import { info as cronjob } from './cronjob/info';
import { info as customresourcedefinition } from './customresourcedefinition/info';
import { info as daemonset } from './daemonset/info';
import { info as deployment } from './deployment/info';
import { info as endpoints } from './endpoints/info';
import { info as event } from './event/info';
import { info as horizontalpodautoscaler } from './horizontalpodautoscaler/info';
import { info as ingress } from './ingress/info';
import { info as ingressclass } from './ingressclass/info';
import { info as job } from './job/info';
import { info as namespace } from './namespace/info';
import { info as node } from './node/info';
import { info as persistentvolume } from './persistentvolume/info';
import { info as persistentvolumeclaim } from './persistentvolumeclaim/info';
import { info as pod } from './pod/info';
import { info as replicaset } from './replicaset/info';
import { info as replicationcontroller } from './replicationcontroller/info';
import { info as secret } from './secret/info';
import { info as service } from './service/info';
import { info as statefulset } from './statefulset/info';
import { info as storageclass } from './storageclass/info';

// The loaders are literal requires so that only the kinds in use are loaded (see KindParts).
export const CATALOG: readonly KindParts[] = [
  { info: namespace, apply: () => require('./namespace/apply') },
  { info: deployment, defaults: () => require('./deployment/defaults'), validate: () => require('./deployment/validate'), ignored: () => require('./deployment/ignored-fields'), apply: () => require('./deployment/apply') },
  { info: replicaset },
  { info: daemonset, defaults: () => require('./daemonset/defaults'), validate: () => require('./daemonset/validate'), ignored: () => require('./daemonset/ignored-fields') },
  { info: statefulset, defaults: () => require('./statefulset/defaults'), validate: () => require('./statefulset/validate'), ignored: () => require('./statefulset/ignored-fields') },
  { info: controllerrevision },
  { info: pod, defaults: () => require('./pod/defaults'), validate: () => require('./pod/validate'), ignored: () => require('./pod/ignored-fields') },
  { info: service, defaults: () => require('./service/defaults'), validate: () => require('./service/validate'), ignored: () => require('./service/ignored-fields'), apply: () => require('./service/apply') },
  { info: endpoints },
  { info: replicationcontroller, defaults: () => require('./replicationcontroller/defaults'), validate: () => require('./replicationcontroller/validate'), ignored: () => require('./replicationcontroller/ignored-fields') },
  { info: configmap, validate: () => require('./configmap/validate') },
  { info: secret, defaults: () => require('./secret/defaults'), validate: () => require('./secret/validate'), apply: () => require('./secret/apply') },
  { info: persistentvolumeclaim, defaults: () => require('./persistentvolumeclaim/defaults'), validate: () => require('./persistentvolumeclaim/validate'), ignored: () => require('./persistentvolumeclaim/ignored-fields') },
  { info: persistentvolume, defaults: () => require('./persistentvolume/defaults'), validate: () => require('./persistentvolume/validate'), ignored: () => require('./persistentvolume/ignored-fields') },
  { info: storageclass, defaults: () => require('./storageclass/defaults'), ignored: () => require('./storageclass/ignored-fields') },
  { info: horizontalpodautoscaler, defaults: () => require('./horizontalpodautoscaler/defaults'), validate: () => require('./horizontalpodautoscaler/validate') },
  { info: job, defaults: () => require('./job/defaults'), validate: () => require('./job/validate'), ignored: () => require('./job/ignored-fields'), apply: () => require('./job/apply') },
  { info: cronjob, defaults: () => require('./cronjob/defaults'), validate: () => require('./cronjob/validate'), ignored: () => require('./cronjob/ignored-fields') },
  { info: ingress, validate: () => require('./ingress/validate') },
  { info: ingressclass, ignored: () => require('./ingressclass/ignored-fields') },
  { info: customresourcedefinition, validate: () => require('./customresourcedefinition/validate') },
  { info: event },
  { info: node },
];

const byKind = new Map(CATALOG.map((k) => [k.info.kind, k]));

/** The row of a kind, if kctl knows it: one of its own, or one a CustomResourceDefinition defines. */
export function kindParts(kind: string): KindParts | undefined {
  return byKind.get(kind) ?? (require('./custom/parts') as typeof import('./custom/parts')).customKindParts(kind);
}
