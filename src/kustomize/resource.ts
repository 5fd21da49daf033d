/**
 * A resource as kustomize carries it through a build: the object, the ids it had before names and namespaces
 * were changed (kustomize's previous ids: patches, replicas and references may name any of them), and what a
 * generator asked for (a content-hash suffix; merge or replace an existing object).
 */
export type Obj = Record<string, unknown>;

export interface ResId {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

export interface Resource {
  obj: Obj;
  prevIds: ResId[];
  needsHash: boolean;
  behavior?: 'create' | 'merge' | 'replace';
}

export function makeResource(obj: Obj): Resource {
  return { obj, prevIds: [], needsHash: false };
}

export function meta(obj: Obj): Obj {
  const m = obj.metadata;
  if (typeof m === 'object' && m !== null && !Array.isArray(m)) return m as Obj;
  const created: Obj = {};
  obj.metadata = created;
  return created;
}

export function nameOf(obj: Obj): string {
  return String((obj.metadata as Obj | undefined)?.name ?? '');
}

export function namespaceOf(obj: Obj): string {
  return String((obj.metadata as Obj | undefined)?.namespace ?? '');
}

export function kindOf(obj: Obj): string {
  return String(obj.kind ?? '');
}

export function groupVersion(obj: Obj): { group: string; version: string } {
  const apiVersion = String(obj.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function currentId(r: Resource): ResId {
  return { ...groupVersion(r.obj), kind: kindOf(r.obj), name: nameOf(r.obj), namespace: namespaceOf(r.obj) };
}

/** The id the resource had when it was first read or generated. */
export function originalId(r: Resource): ResId {
  return r.prevIds[0] ?? currentId(r);
}

export function allIds(r: Resource): ResId[] {
  return [...r.prevIds, currentId(r)];
}

/** Called before a transformer changes a name or a namespace. */
export function storePreviousId(r: Resource): void {
  r.prevIds.push(currentId(r));
}

/** kustomize's list of kinds that live outside namespaces (resid.NotNamespaceableKinds). */
const CLUSTER_SCOPED = new Set([
  'APIService', 'CSIDriver', 'CSINode', 'CertificateSigningRequest', 'Cluster', 'ClusterRole', 'ClusterRoleBinding',
  'ComponentStatus', 'CustomResourceDefinition', 'MutatingWebhookConfiguration', 'Namespace', 'Node',
  'PersistentVolume', 'PodSecurityPolicy', 'PriorityClass', 'RuntimeClass', 'SelfSubjectAccessReview',
  'SelfSubjectRulesReview', 'StorageClass', 'SubjectAccessReview', 'TokenReview', 'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

export function isNamespaceable(kind: string): boolean {
  return !CLUSTER_SCOPED.has(kind);
}

/** "" and "default" are the same namespace; cluster-scoped kinds have none. */
export function effectiveNamespace(id: ResId): string {
  if (!isNamespaceable(id.kind)) return '_non_namespaceable_';
  return id.namespace === '' ? 'default' : id.namespace;
}

export function sameId(a: ResId, b: ResId): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name && effectiveNamespace(a) === effectiveNamespace(b);
}

/** `Deployment.v1.apps/web.[noNs]`, as kustomize names an id in its errors. */
export function idString(id: ResId): string {
  return `${gvkString(id)}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

export function gvkString(id: ResId): string {
  return `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}`;
}
