/**
 * What the containers of one state file tell about the desired state it held, for `kctl state rebuild`.
 * Pure: Docker's answers in, objects out. Each container names its pod (namespace, name, uid) in its labels
 * and carries the objects the pod was made from (pod/owner-manifest.ts); claim volumes name their
 * claim. Pods keep their uids, so the next reconcile adopts the running containers instead of replacing them.
 */
import { randomUUID } from 'crypto';
import { POD_TEMPLATE_HASH_LABEL, equalIgnoringHash } from '../../api/pod-template-hash';
import type { KObject } from '../../api/types';
import type { Recovered, Recovery } from '../backend';
import { rfc3339 } from '../../api/time';
import { decodeOwnerManifest, OWNER_MANIFEST_LABEL } from './pod/owner-manifest';
import { controllerRef } from '../../kinds/ownership';
import { LABEL, type ContainerInfo } from '../../runtime/runtime';

export interface DockerWorld {
  containers: ContainerInfo[];
  /** Claim volumes (`kctl-<scope>-pvc-<namespace>-<claim>-<uid8>`) with the namespace their label names. */
  claimVolumes: { name: string; namespace: string }[];
  scopeId: string;
}

const POD_ROLES = new Set(['app', 'init', 'sandbox']);

interface PodGroup {
  namespace: string;
  name: string;
  uid: string;
  /** From the newest container that has the label. */
  chain?: KObject[];
  /** Epoch ms of its oldest container, and of the newest one that has the label. */
  createdAt: number;
  newestAt: number;
}

export function recoverObjects(world: DockerWorld): Omit<Recovery, 'source'> {
  const lost: string[] = [];
  const groups = podGroups(world.containers);
  const pods: KObject[] = [];
  const replicaSets = new Map<string, { rs: KObject; newestAt: number; createdAt: number; pods: number }>();
  const deployments = new Map<string, { dep: KObject; newestAt: number; pods: KObject[] }>();

  for (const g of groups) {
    if (!g.chain) {
      lost.push(`pod/${g.name} in namespace ${g.namespace}: its containers carry no ${OWNER_MANIFEST_LABEL} label (made by an older kctl); the next reconcile removes them`);
      continue;
    }
    const [first, second] = g.chain;
    if (first.kind === 'Pod') {
      pods.push(podObject(g, first.metadata.labels, first.metadata.annotations, first.spec, first.metadata.ownerReferences));
      continue;
    }
    if (first.kind !== 'ReplicaSet') {
      lost.push(`pod/${g.name} in namespace ${g.namespace}: made by a ${first.kind}, which kctl cannot recover`);
      continue;
    }
    const template = first.spec?.template ?? {};
    const pod = podObject(g, template.metadata?.labels, template.metadata?.annotations, template.spec, [controllerRef(first)]);
    pods.push(pod);
    const rsKey = `${g.namespace}/${first.metadata.name}`;
    const rs = replicaSets.get(rsKey);
    if (!rs || g.newestAt > rs.newestAt) replicaSets.set(rsKey, { rs: first, newestAt: g.newestAt, createdAt: Math.min(g.createdAt, rs?.createdAt ?? Infinity), pods: (rs?.pods ?? 0) + 1 });
    else Object.assign(rs, { createdAt: Math.min(g.createdAt, rs.createdAt), pods: rs.pods + 1 });
    if (second?.kind === 'Deployment') {
      const depKey = `${g.namespace}/${second.metadata.name}`;
      const dep = deployments.get(depKey);
      if (!dep || g.newestAt > dep.newestAt) deployments.set(depKey, { dep: second, newestAt: g.newestAt, pods: [...(dep?.pods ?? []), pod] });
      else dep.pods.push(pod);
    }
  }

  const recovered: Recovered[] = [];
  const namespaces = [...new Set(groups.map((g) => g.namespace).concat(world.claimVolumes.map((v) => v.namespace)))].filter((ns) => ns !== 'default').sort();
  for (const ns of namespaces) recovered.push({ obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } }, status: { phase: 'Active' } } });
  const rsList = [...replicaSets.values()].map(({ rs, createdAt, pods: count }) => replicaSetObject(rs, createdAt, count));
  for (const { dep, pods: itsPods } of sorted(deployments)) recovered.push(deploymentObject(dep, rsList, itsPods));
  for (const rs of rsList.sort(byName)) recovered.push({ obj: rs, detail: `${rs.spec.replicas} pods` });
  for (const pod of pods.sort(byName)) recovered.push({ obj: pod });
  for (const v of world.claimVolumes) recovered.push(claimObject(v, world.scopeId));
  return { recovered, lost };
}

function podGroups(containers: ContainerInfo[]): PodGroup[] {
  const byUid = new Map<string, PodGroup>();
  for (const c of containers) {
    const uid = c.labels[LABEL.podUid];
    if (!uid || !POD_ROLES.has(c.labels[LABEL.role])) continue;
    let g = byUid.get(uid);
    if (!g) {
      g = { namespace: c.labels[LABEL.namespace] || 'default', name: c.labels[LABEL.pod], uid, createdAt: Infinity, newestAt: -Infinity };
      byUid.set(uid, g);
    }
    const created = Date.parse(c.createdAt);
    g.createdAt = Math.min(created, g.createdAt);
    const chain = decodeOwnerManifest(c.labels[OWNER_MANIFEST_LABEL]);
    if (chain && created >= g.newestAt) {
      g.chain = chain;
      g.newestAt = created;
    }
  }
  return [...byUid.values()];
}

function podObject(g: PodGroup, labels: any, annotations: any, spec: any, ownerReferences: any): KObject {
  const metadata: KObject['metadata'] = { name: g.name, namespace: g.namespace, uid: g.uid, creationTimestamp: seconds(g.createdAt) };
  if (labels) metadata.labels = { ...labels };
  if (annotations) metadata.annotations = { ...annotations };
  if (ownerReferences?.length) metadata.ownerReferences = ownerReferences;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(spec ?? {}), status: { phase: 'Pending' } };
}

/** Its ReplicaSet as it was, sized to the pods found: the Deployment controller corrects it if it must. */
function replicaSetObject(rs: KObject, createdAt: number, pods: number): KObject {
  return { ...structuredClone(rs), metadata: { ...structuredClone(rs.metadata), creationTimestamp: seconds(createdAt) }, spec: { ...structuredClone(rs.spec), replicas: pods }, status: {} };
}

/**
 * replicas: the label holds the spec as it was when the newest container was made, so a later scale-down is not
 * in it. When every pod found runs the Deployment's template (no rollout under way), their number is the truth.
 */
function deploymentObject(dep: KObject, replicaSets: KObject[], pods: KObject[]): Recovered {
  const obj = structuredClone(dep);
  obj.status = {};
  const current = replicaSets.find((rs) => rs.metadata.namespace === dep.metadata.namespace && equalIgnoringHash(rs.spec.template, dep.spec.template));
  const hash = current?.spec.template?.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
  if (hash !== undefined && pods.every((p) => p.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash)) {
    obj.spec.replicas = pods.length;
    return { obj, detail: `${pods.length} replicas, counted from its pods` };
  }
  return { obj, detail: `${obj.spec.replicas ?? 1} replicas, from its spec (a rollout was under way)` };
}

/** The claim keeps its volume's data: its uid must start with the 8 characters in the volume's name. */
function claimObject(v: { name: string; namespace: string }, scopeId: string): Recovered {
  const rest = v.name.slice(`kctl-${scopeId}-pvc-${v.namespace}-`.length);
  const name = rest.slice(0, -9);
  const uid = rest.slice(-8) + randomUUID().slice(8);
  return {
    obj: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: v.namespace, uid }, spec: { accessModes: ['ReadWriteOnce'] }, status: {} },
    detail: `from volume ${v.name}; its requested size is not known`,
  };
}

function sorted<T>(m: Map<string, T>): T[] {
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
}

function byName(a: KObject, b: KObject): number {
  return (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name);
}

function seconds(epochMs: number): string {
  return rfc3339(new Date(epochMs));
}
