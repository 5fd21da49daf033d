/**
 * The field order of Kubernetes' Go structs, for the objects kctl generates (create <kind>, run, expose): kubectl
 * prints those from its typed structs, so `-o json` lists their fields in declaration order (`kind` before
 * `apiVersion`, `name` first in metadata), where an object read back from the API server (`get -o json`) has its
 * keys sorted. Maps (labels, selector, data) and structs not listed here keep Go's sorted map order.
 */
import type { KObject } from '../api/types';

interface GoStruct {
  fields: string[];
  /** The struct of a field (of each item, for a list). */
  types?: Record<string, string>;
}

const meta = { metadata: 'ObjectMeta' };
const STRUCTS: Record<string, GoStruct> = {
  ObjectMeta: {
    fields: ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'],
  },
  Deployment: { fields: ['kind', 'apiVersion', 'metadata', 'spec', 'status'], types: { ...meta, spec: 'DeploymentSpec' } },
  DeploymentSpec: {
    fields: ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
    types: { selector: 'LabelSelector', template: 'PodTemplateSpec', strategy: 'DeploymentStrategy' },
  },
  DeploymentStrategy: { fields: ['type', 'rollingUpdate'], types: { rollingUpdate: 'RollingUpdateDeployment' } },
  RollingUpdateDeployment: { fields: ['maxUnavailable', 'maxSurge'] },
  LabelSelector: { fields: ['matchLabels', 'matchExpressions'] },
  PodTemplateSpec: { fields: ['metadata', 'spec'], types: { ...meta, spec: 'PodSpec' } },
  Job: { fields: ['kind', 'apiVersion', 'metadata', 'spec', 'status'], types: { ...meta, spec: 'JobSpec' } },
  JobSpec: {
    fields: [
      'parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy', 'successPolicy', 'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes',
      'selector', 'manualSelector', 'template', 'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy',
    ],
    types: { selector: 'LabelSelector', template: 'PodTemplateSpec' },
  },
  CronJob: { fields: ['kind', 'apiVersion', 'metadata', 'spec', 'status'], types: { ...meta, spec: 'CronJobSpec' } },
  CronJobSpec: {
    fields: ['schedule', 'timeZone', 'startingDeadlineSeconds', 'concurrencyPolicy', 'suspend', 'jobTemplate', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'],
    types: { jobTemplate: 'JobTemplateSpec' },
  },
  JobTemplateSpec: { fields: ['metadata', 'spec'], types: { ...meta, spec: 'JobSpec' } },
  Pod: { fields: ['kind', 'apiVersion', 'metadata', 'spec', 'status'], types: { ...meta, spec: 'PodSpec' } },
  PodSpec: {
    fields: [
      'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy',
      'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC',
      'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases',
      'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead',
      'topologySpreadConstraints', 'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
    ],
    types: { initContainers: 'Container', containers: 'Container' },
  },
  Container: {
    fields: [
      'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices',
      'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext',
      'stdin', 'stdinOnce', 'tty',
    ],
    types: { ports: 'ContainerPort', env: 'EnvVar', resources: 'ResourceRequirements', securityContext: 'SecurityContext' },
  },
  ContainerPort: { fields: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'] },
  EnvVar: { fields: ['name', 'value', 'valueFrom'] },
  ResourceRequirements: { fields: ['limits', 'requests', 'claims'] },
  SecurityContext: {
    fields: ['capabilities', 'privileged', 'seLinuxOptions', 'windowsOptions', 'runAsUser', 'runAsGroup', 'runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'procMount', 'seccompProfile', 'appArmorProfile'],
  },
  Service: { fields: ['kind', 'apiVersion', 'metadata', 'spec', 'status'], types: { ...meta, spec: 'ServiceSpec', status: 'ServiceStatus' } },
  ServiceSpec: {
    fields: [
      'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName',
      'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy',
      'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution',
    ],
    types: { ports: 'ServicePort' },
  },
  ServicePort: { fields: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'] },
  ServiceStatus: { fields: ['loadBalancer', 'conditions'] },
  ConfigMap: { fields: ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'binaryData'], types: meta },
  Secret: { fields: ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'stringData', 'type'], types: meta },
  Namespace: { fields: ['kind', 'apiVersion', 'metadata', 'spec', 'status'], types: meta },
};

/** A copy of `obj` with its keys in Go's order: struct fields as declared, then (and in maps) sorted. */
export function inGoStructOrder(obj: KObject): KObject {
  return ordered(obj, STRUCTS[obj.kind] ? obj.kind : undefined) as KObject;
}

function ordered(value: unknown, struct: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, struct));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const def = struct ? STRUCTS[struct] : undefined;
  const declared = def ? def.fields.filter((k) => k in obj) : [];
  const rest = Object.keys(obj).filter((k) => !declared.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const k of [...declared, ...rest]) out[k] = ordered(obj[k], def?.types?.[k]);
  return out;
}
