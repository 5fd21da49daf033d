/**
 * kustomize build's default ("legacy") output order: kinds that others depend on first (Namespace, then
 * quotas, classes, CRDs, accounts, RBAC, ConfigMaps, Secrets, Services...), webhooks last, the rest between;
 * then by group/version/kind, namespace and name.
 */
import { currentId, type ResId, type Resource } from './resource';

const ORDER_FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string): number {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

function gvk(id: ResId): string {
  return [id.group || '~G', id.version || '~V', id.kind || '~K'].join('_');
}

function compare(a: ResId, b: ResId): number {
  const byRank = rank(a.kind) - rank(b.kind);
  if (byRank !== 0 && gvk(a) !== gvk(b)) return byRank;
  const ka = gvk(a);
  const kb = gvk(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const sa = `${a.namespace || '~X'}|${a.name || '~N'}`;
  const sb = `${b.namespace || '~X'}|${b.name || '~N'}`;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function legacyOrder(list: Resource[]): Resource[] {
  return list.map((r) => ({ r, id: currentId(r) })).sort((x, y) => compare(x.id, y.id)).map(({ r }) => r);
}
