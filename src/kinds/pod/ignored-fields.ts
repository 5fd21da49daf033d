/**
 * Pod spec and container fields that mean nothing on one Docker host (scheduling, accounts, host namespaces, ...),
 * for Pods and for pod templates. See manifest/ignored-fields.ts for what kctl does with them.
 */
import type { IgnoredFields, IgnoredSection } from '../../api/kind-parts';
import type { FieldPath } from '../../api/problems';

export const IGNORED_POD_SPEC_FIELDS: IgnoredFields = {
  nodeSelector: [],
  nodeName: [],
  affinity: [],
  tolerations: [],
  topologySpreadConstraints: [],
  schedulerName: ['default-scheduler'],
  priorityClassName: [],
  priority: [0],
  preemptionPolicy: ['PreemptLowerPriority'],
  serviceAccountName: ['default'],
  serviceAccount: ['default'],
  automountServiceAccountToken: [false],
  imagePullSecrets: [],
  runtimeClassName: [],
  overhead: [],
  shareProcessNamespace: [false],
  hostNetwork: [false],
  hostPID: [false],
  hostIPC: [false],
  hostUsers: [true],
  hostAliases: [],
  dnsConfig: [],
  setHostnameAsFQDN: [false],
  readinessGates: [],
  os: [{ name: 'linux' }],
  schedulingGates: [],
  resourceClaims: [],
  resources: [],
  ephemeralContainers: [],
};

export const IGNORED_CONTAINER_FIELDS: IgnoredFields = {
  volumeDevices: [],
  resizePolicy: [],
  restartPolicy: [],
};

/** The pod spec at `at`, then each init container and each container. */
export function podSpecSections(at: FieldPath): IgnoredSection[] {
  return [
    { at, fields: IGNORED_POD_SPEC_FIELDS },
    { at: [...at, 'initContainers', '*'], fields: IGNORED_CONTAINER_FIELDS },
    { at: [...at, 'containers', '*'], fields: IGNORED_CONTAINER_FIELDS },
  ];
}

export const ignoredSections = podSpecSections(['spec']);
