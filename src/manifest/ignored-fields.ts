/**
 * Kubernetes fields that mean nothing on one Docker host. They are accepted, so real manifests (Helm output,
 * `kubectl get -o yaml` exports) apply, and each one present gets a warning. No warning when the value is
 * empty or is Kubernetes' own default, because ignoring it then changes nothing.
 * The schemas describe each of these fields as "Ignored by kctl" (tests/unit/manifest-schemas.test.ts checks).
 * Remove an entry here when kctl starts to honour the field.
 */
import type { FieldPath } from '../api/semantic';

/** Field name -> values for which ignoring the field changes nothing. */
type IgnoredFields = Record<string, unknown[]>;

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

export const IGNORED_SERVICE_SPEC_FIELDS: IgnoredFields = {
  externalIPs: [],
  externalTrafficPolicy: ['Cluster'],
  internalTrafficPolicy: ['Cluster'],
  sessionAffinity: ['None'],
  sessionAffinityConfig: [],
  loadBalancerIP: [],
  loadBalancerSourceRanges: [],
  loadBalancerClass: [],
  allocateLoadBalancerNodePorts: [true],
  healthCheckNodePort: [],
  ipFamilies: [['IPv4']],
  ipFamilyPolicy: ['SingleStack'],
  publishNotReadyAddresses: [false],
  trafficDistribution: [],
};

export const IGNORED_PVC_SPEC_FIELDS: IgnoredFields = {
  volumeName: [],
  selector: [],
  dataSource: [],
  dataSourceRef: [],
  volumeAttributesClassName: [],
};

/** Paths of the ignored fields present in a (schema-valid) object, in document order of the checks. */
export function ignoredFieldPaths(obj: { kind: string; spec?: any }): FieldPath[] {
  const found: FieldPath[] = [];
  const collect = (section: unknown, path: FieldPath, fields: IgnoredFields) => {
    if (!isObject(section)) return;
    for (const [name, harmless] of Object.entries(fields)) {
      const value = section[name];
      if (value !== undefined && !isEmpty(value) && !harmless.some((h) => sameJson(h, value))) found.push([...path, name]);
    }
  };
  const podSpec = (spec: unknown, path: FieldPath) => {
    collect(spec, path, IGNORED_POD_SPEC_FIELDS);
    if (!isObject(spec)) return;
    for (const group of ['initContainers', 'containers']) {
      const containers = Array.isArray(spec[group]) ? spec[group] : [];
      containers.forEach((c: unknown, i: number) => collect(c, [...path, group, i], IGNORED_CONTAINER_FIELDS));
    }
  };
  switch (obj.kind) {
    case 'Pod':
      podSpec(obj.spec, ['spec']);
      break;
    case 'Deployment':
      podSpec(obj.spec?.template?.spec, ['spec', 'template', 'spec']);
      break;
    case 'Service':
      collect(obj.spec, ['spec'], IGNORED_SERVICE_SPEC_FIELDS);
      break;
    case 'PersistentVolumeClaim':
      collect(obj.spec, ['spec'], IGNORED_PVC_SPEC_FIELDS);
      break;
  }
  return found;
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEmpty(v: unknown): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
