/**
 * kustomize's field specs: where in which kinds a transformer writes (labels into selectors and pod templates,
 * annotations into pod templates...). A path walks maps; a list met on the way is walked element by element;
 * `create` makes the maps that are missing, else a resource without the path is left alone.
 */
import { KctlError } from '../errors';
import { groupVersion, kindOf, type Obj } from './resource';

export interface FieldSpec {
  path: string;
  create: boolean;
  kind?: string;
  group?: string;
  version?: string;
}

export function selects(spec: FieldSpec, obj: Obj): boolean {
  const { group, version } = groupVersion(obj);
  return (!spec.kind || spec.kind === kindOf(obj)) && (spec.group === undefined || spec.group === group) && (spec.version === undefined || spec.version === version);
}

/** Calls `leaf` with each map that holds the last path segment, and that segment. */
export function visitFieldSpec(obj: Obj, spec: FieldSpec, leaf: (parent: Obj, key: string) => void): void {
  if (selects(spec, obj)) walk(obj, spec.path.split('/'), spec.create, leaf);
}

function walk(node: unknown, segments: string[], create: boolean, leaf: (parent: Obj, key: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, segments, create, leaf);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const map = node as Obj;
  const key = segments[0].replace(/\[\]$/, '');
  if (segments.length === 1) return leaf(map, key);
  if (map[key] === undefined || map[key] === null) {
    if (!create || segments[0].endsWith('[]')) return;
    map[key] = {};
  }
  walk(map[key], segments.slice(1), create, leaf);
}

/** Sets string pairs into the map at each spec's path (labels, annotations, selectors). */
export function setPairs(obj: Obj, specs: FieldSpec[], pairs: Record<string, string>): void {
  if (Object.keys(pairs).length === 0) return;
  for (const spec of specs) {
    visitFieldSpec(obj, spec, (parent, key) => {
      if (parent[key] === undefined || parent[key] === null) {
        if (!spec.create) return;
        parent[key] = {};
      }
      const target = parent[key];
      if (typeof target !== 'object' || Array.isArray(target)) throw new KctlError(`${spec.path} in ${kindOf(obj)} is not a map`);
      Object.assign(target as Obj, pairs);
    });
  }
}

const spec = (path: string, kind?: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ path, create: true, kind, ...extra });
const noCreate = (path: string, kind: string, group: string): FieldSpec => ({ path, create: false, kind, group });

const AFFINITY_SELECTORS = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

/** metadata/labels and the pod (and claim) templates' labels: what `labels` with includeTemplates reaches. */
export const METADATA_LABELS: FieldSpec[] = [
  spec('metadata/labels'),
  spec('spec/template/metadata/labels', 'ReplicationController', { version: 'v1' }),
  spec('spec/template/metadata/labels', 'Deployment'),
  spec('spec/template/metadata/labels', 'ReplicaSet'),
  spec('spec/template/metadata/labels', 'DaemonSet'),
  spec('spec/template/metadata/labels', 'StatefulSet', { group: 'apps' }),
  spec('spec/volumeClaimTemplates[]/metadata/labels', 'StatefulSet', { group: 'apps' }),
  spec('spec/template/metadata/labels', 'Job', { group: 'batch' }),
  spec('spec/jobTemplate/metadata/labels', 'CronJob', { group: 'batch' }),
  spec('spec/jobTemplate/spec/template/metadata/labels', 'CronJob', { group: 'batch' }),
];

/** commonLabels (and `labels` with includeSelectors): also every selector, so that they still match. */
export const COMMON_LABELS: FieldSpec[] = [
  spec('spec/selector', 'Service', { version: 'v1' }),
  spec('spec/selector', 'ReplicationController', { version: 'v1' }),
  spec('spec/selector/matchLabels', 'Deployment'),
  ...AFFINITY_SELECTORS.map((p) => noCreate(p, 'Deployment', 'apps')),
  spec('spec/selector/matchLabels', 'ReplicaSet'),
  spec('spec/selector/matchLabels', 'DaemonSet'),
  spec('spec/selector/matchLabels', 'StatefulSet', { group: 'apps' }),
  spec('spec/volumeClaimTemplates[]/metadata/labels', 'StatefulSet', { group: 'apps' }),
  ...AFFINITY_SELECTORS.map((p) => noCreate(p, 'StatefulSet', 'apps')),
  noCreate('spec/selector/matchLabels', 'Job', 'batch'),
  noCreate('spec/jobTemplate/spec/selector/matchLabels', 'CronJob', 'batch'),
  noCreate('spec/selector/matchLabels', 'PodDisruptionBudget', 'policy'),
  noCreate('spec/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io'),
  noCreate('spec/ingress/from/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io'),
  noCreate('spec/egress/to/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io'),
  ...METADATA_LABELS,
];

export const COMMON_ANNOTATIONS: FieldSpec[] = [
  spec('metadata/annotations'),
  spec('spec/template/metadata/annotations', 'ReplicationController', { version: 'v1' }),
  spec('spec/template/metadata/annotations', 'Deployment'),
  spec('spec/template/metadata/annotations', 'ReplicaSet'),
  spec('spec/template/metadata/annotations', 'DaemonSet'),
  spec('spec/template/metadata/annotations', 'StatefulSet', { group: 'apps' }),
  spec('spec/template/metadata/annotations', 'Job', { group: 'batch' }),
  spec('spec/jobTemplate/metadata/annotations', 'CronJob', { group: 'batch' }),
  spec('spec/jobTemplate/spec/template/metadata/annotations', 'CronJob', { group: 'batch' }),
];

export const REPLICAS: FieldSpec[] = ['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => spec('spec/replicas', kind));
