/**
 * Kubernetes kinds that only configure a cluster (accounts, RBAC, scheduling, network policy, ingress classes) and mean
 * nothing on one Docker host. Helm charts and exports carry them next to the workloads; kctl skips them with a
 * warning so that the rest applies. Workload kinds kctl does not serve yet stay errors (kubernetes-kinds.ts).
 */
const IGNORED_KINDS: Record<string, string[]> = {
  ServiceAccount: ['v1'],
  ResourceQuota: ['v1'],
  LimitRange: ['v1'],
  Role: ['rbac.authorization.k8s.io/v1'],
  RoleBinding: ['rbac.authorization.k8s.io/v1'],
  ClusterRole: ['rbac.authorization.k8s.io/v1'],
  ClusterRoleBinding: ['rbac.authorization.k8s.io/v1'],
  NetworkPolicy: ['networking.k8s.io/v1'],
  PodDisruptionBudget: ['policy/v1'],
  PriorityClass: ['scheduling.k8s.io/v1'],
};

export function isIgnoredKind(apiVersion: string, kind: string): boolean {
  return IGNORED_KINDS[kind]?.includes(apiVersion) ?? false;
}
