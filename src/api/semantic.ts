/**
 * Checks the JSON Schemas cannot express: names, labels, selectors, strategy rules, quantities, ports,
 * references between fields. Rules and messages follow Kubernetes' validation (pkg/apis/<group>/validation).
 * Runs after schema validation, also on objects that failed it, so every check tolerates wrong types
 * (the schema has already reported those).
 */
import { isIP } from 'net';
import type { KObject } from './types';
import { fromLabelSelector, matchesSelector } from './selector';
import { compareQuantities, parseQuantity, quantityErrors } from './quantity';
import {
  configKeyErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  envVarNameErrors,
  formatValue,
  invalidValue,
  labelValueErrors,
  objectNameErrors,
  portNameErrors,
  qualifiedNameErrors,
} from './names';

export type FieldPath = (string | number)[];

export interface FieldProblem {
  /** The field the message is about, printed as spec.containers[0].name. */
  field: FieldPath;
  /** `Invalid value: "Web": ...`, `Required value`, ... */
  message: string;
  /** Where to point in the source; default: the field's value (or its nearest existing parent). */
  at?: { path: FieldPath; part: 'key' | 'value' };
}

export function semanticProblems(obj: KObject): FieldProblem[] {
  const p = new Problems();
  checkObjectMeta(p, obj);
  const check = KIND_CHECKS[obj.kind];
  if (check) check(p, obj as Json);
  return p.items;
}

type Json = Record<string, any>;
type Check = (p: Problems, obj: Json) => void;

const KIND_CHECKS: Record<string, Check> = {
  Deployment: (p, obj) => checkDeploymentSpec(p, obj.spec, ['spec']),
  Pod: (p, obj) => checkPodSpec(p, obj.spec, ['spec'], 'Pod'),
  Service: (p, obj) => checkServiceSpec(p, isObj(obj.spec) ? obj.spec : {}, ['spec']),
  ConfigMap: checkConfigMap,
  Secret: checkSecret,
  PersistentVolumeClaim: (p, obj) => checkPvcSpec(p, obj.spec, ['spec']),
  HorizontalPodAutoscaler: (p, obj) => checkHpaSpec(p, obj.spec, ['spec']),
};

/** Collects problems with kubectl's wording (k8s.io/apimachinery/pkg/util/validation/field). */
class Problems {
  items: FieldProblem[] = [];
  add(field: FieldPath, message: string, at?: FieldProblem['at']): void {
    this.items.push(at ? { field, message, at } : { field, message });
  }
  invalid(field: FieldPath, value: unknown, reasons: string[], at?: FieldProblem['at']): void {
    for (const m of invalidValue(value, reasons)) this.add(field, m, at);
  }
  required(field: FieldPath, detail?: string): void {
    this.add(field, detail ? `Required value: ${detail}` : 'Required value');
  }
  forbidden(field: FieldPath, detail: string): void {
    this.add(field, `Forbidden: ${detail}`, { path: field, part: 'key' });
  }
  duplicate(field: FieldPath, value: unknown): void {
    this.add(field, `Duplicate value: ${formatValue(value)}`);
  }
  notFound(field: FieldPath, value: unknown): void {
    this.add(field, `Not found: ${formatValue(value)}`);
  }
  unsupported(field: FieldPath, value: unknown, supported: string[]): void {
    this.add(field, `Unsupported value: ${formatValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`);
  }
  tooLong(field: FieldPath, maxBytes: number): void {
    this.add(field, `Too long: must have at most ${maxBytes} bytes`, { path: field, part: 'key' });
  }
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const entries = (v: unknown): [string, unknown][] => (isObj(v) ? Object.entries(v) : []);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

// ---------------------------------------------------------------- metadata, labels, selectors

function checkObjectMeta(p: Problems, obj: Json): void {
  if (!isObj(obj.metadata)) return; // the schema reports it
  const meta = obj.metadata;
  if (meta.name === undefined || meta.name === '') {
    p.required(['metadata', 'name'], meta.generateName ? 'kctl does not support generateName; set metadata.name' : 'name or generateName is required');
  } else if (isString(meta.name)) {
    p.invalid(['metadata', 'name'], meta.name, objectNameErrors(obj.kind, meta.name));
  }
  if (isString(meta.namespace) && meta.namespace !== '') p.invalid(['metadata', 'namespace'], meta.namespace, dns1123LabelErrors(meta.namespace));
  checkLabelsAndAnnotations(p, meta, ['metadata']);
}

const ANNOTATIONS_MAX_BYTES = 256 * 1024;

function checkLabelsAndAnnotations(p: Problems, meta: Json, path: FieldPath): void {
  checkLabels(p, meta.labels, [...path, 'labels']);
  const annotations = entries(meta.annotations);
  let size = 0;
  for (const [key, value] of annotations) {
    p.invalid([...path, 'annotations'], key, qualifiedNameErrors(key.toLowerCase()), { path: [...path, 'annotations', key], part: 'key' });
    size += Buffer.byteLength(key) + (isString(value) ? Buffer.byteLength(value) : 0);
  }
  if (size > ANNOTATIONS_MAX_BYTES) p.tooLong([...path, 'annotations'], ANNOTATIONS_MAX_BYTES);
}

function checkLabels(p: Problems, labels: unknown, path: FieldPath): void {
  for (const [key, value] of entries(labels)) {
    p.invalid(path, key, qualifiedNameErrors(key), { path: [...path, key], part: 'key' });
    if (isString(value)) p.invalid(path, value, labelValueErrors(value), { path: [...path, key], part: 'value' });
  }
}

function checkLabelSelector(p: Problems, selector: Json, path: FieldPath): void {
  checkLabels(p, selector.matchLabels, [...path, 'matchLabels']);
  list(selector.matchExpressions).forEach((e, i) => {
    if (!isObj(e)) return;
    const at = [...path, 'matchExpressions', i];
    if (isString(e.key)) p.invalid([...at, 'key'], e.key, qualifiedNameErrors(e.key));
    const values = list(e.values);
    if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) {
      p.required([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'");
    }
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0) {
      p.forbidden([...at, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    }
    values.forEach((v, j) => isString(v) && p.invalid([...at, 'values', j], v, labelValueErrors(v)));
  });
}

// ---------------------------------------------------------------- Deployment

function checkDeploymentSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
  const selector = isObj(spec.selector) ? spec.selector : undefined;
  const template = isObj(spec.template) ? spec.template : {};
  const templateMeta = isObj(template.metadata) ? template.metadata : {};
  const templateLabels = isObj(templateMeta.labels) ? (templateMeta.labels as Record<string, string>) : {};
  if (selector) {
    checkLabelSelector(p, selector, [...path, 'selector']);
    if (entries(selector.matchLabels).length === 0 && list(selector.matchExpressions).length === 0) {
      p.invalid([...path, 'selector'], selector, ['empty selector is invalid for deployment']);
    } else if (!matchesSelector(fromLabelSelector(selector), templateLabels)) {
      p.invalid([...path, 'template', 'metadata', 'labels'], templateLabels, ['`selector` does not match template `labels`']);
    }
  }
  checkLabelsAndAnnotations(p, templateMeta, [...path, 'template', 'metadata']);
  const podSpec = template.spec;
  checkPodSpec(p, podSpec, [...path, 'template', 'spec'], 'Deployment');
  checkStrategy(p, spec.strategy, [...path, 'strategy']);
  const minReady = isNumber(spec.minReadySeconds) ? spec.minReadySeconds : 0;
  if (isNumber(spec.progressDeadlineSeconds) && spec.progressDeadlineSeconds <= minReady) {
    p.invalid([...path, 'progressDeadlineSeconds'], spec.progressDeadlineSeconds, ['must be greater than minReadySeconds']);
  }
}

function checkStrategy(p: Problems, strategy: unknown, path: FieldPath): void {
  if (!isObj(strategy)) return;
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined) p.forbidden([...path, 'rollingUpdate'], "may not be specified when strategy `type` is 'Recreate'");
    return;
  }
  if (!isObj(strategy.rollingUpdate)) return;
  const rolling = strategy.rollingUpdate;
  const surgePath = [...path, 'rollingUpdate', 'maxSurge'];
  const unavailablePath = [...path, 'rollingUpdate', 'maxUnavailable'];
  // Kubernetes defaults the one left out to 25% before validating.
  const surge = checkIntOrPercent(p, rolling.maxSurge ?? '25%', surgePath);
  const unavailable = checkIntOrPercent(p, rolling.maxUnavailable ?? '25%', unavailablePath);
  if (unavailable !== undefined && isString(rolling.maxUnavailable) && unavailable > 100) {
    p.invalid(unavailablePath, rolling.maxUnavailable, ['must not be greater than 100%']);
  }
  if (surge === 0 && unavailable === 0) p.invalid(unavailablePath, rolling.maxUnavailable, ['may not be 0 when `maxSurge` is 0']);
}

/** Returns the number (or percentage) when valid. */
function checkIntOrPercent(p: Problems, value: unknown, path: FieldPath): number | undefined {
  if (isNumber(value)) {
    if (value < 0) return void p.invalid(path, value, ['must be greater than or equal to 0']);
    return value;
  }
  if (!isString(value)) return undefined;
  if (!/^[0-9]+%$/.test(value)) {
    return void p.invalid(path, value, ["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')"]);
  }
  return Number(value.slice(0, -1));
}

// ---------------------------------------------------------------- Pod spec

const SUPPORTED_VOLUME_SOURCES = ['emptyDir', 'hostPath', 'configMap', 'secret', 'persistentVolumeClaim', 'projected', 'downwardAPI'];
const UNSUPPORTED_VOLUME_SOURCES = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'ephemeral', 'fc', 'flexVolume', 'flocker',
  'gcePersistentDisk', 'gitRepo', 'glusterfs', 'image', 'iscsi', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte',
  'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
];

function checkPodSpec(p: Problems, spec: unknown, path: FieldPath, owner: 'Pod' | 'Deployment'): void {
  if (!isObj(spec)) return;
  if (owner === 'Deployment' && spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always') {
    p.unsupported([...path, 'restartPolicy'], spec.restartPolicy, ['Always']);
  }
  for (const field of ['hostname', 'subdomain']) {
    if (isString(spec[field]) && spec[field] !== '') p.invalid([...path, field], spec[field], dns1123LabelErrors(spec[field]));
  }
  const volumeNames = checkVolumes(p, spec.volumes, [...path, 'volumes']);
  const containerNames = new Set<string>();
  const portNames = new Set<string>();
  const hostPorts = new Set<string>();
  for (const group of ['initContainers', 'containers'] as const) {
    list(spec[group]).forEach((c, i) => {
      if (!isObj(c)) return;
      const cPath = [...path, group, i];
      if (isString(c.name)) {
        p.invalid([...cPath, 'name'], c.name, dns1123LabelErrors(c.name));
        if (containerNames.has(c.name)) p.duplicate([...cPath, 'name'], c.name);
        containerNames.add(c.name);
      }
      checkContainer(p, c, cPath, { volumeNames, portNames, hostPorts });
    });
  }
}

interface PodScope {
  volumeNames: Set<string>;
  portNames: Set<string>;
  hostPorts: Set<string>;
}

function checkContainer(p: Problems, c: Json, path: FieldPath, scope: PodScope): void {
  if (isString(c.image)) {
    if (c.image.trim() === '') p.required([...path, 'image']);
    else if (c.image !== c.image.trim()) p.invalid([...path, 'image'], c.image, ['must not have leading or trailing whitespace']);
  }
  list(c.ports).forEach((port, i) => {
    if (!isObj(port)) return;
    const portPath = [...path, 'ports', i];
    if (isString(port.name)) {
      p.invalid([...portPath, 'name'], port.name, portNameErrors(port.name));
      if (scope.portNames.has(port.name)) p.duplicate([...portPath, 'name'], port.name);
      scope.portNames.add(port.name);
    }
    if (isNumber(port.hostPort) && port.hostPort > 0) {
      const key = `${port.hostPort}/${port.protocol ?? 'TCP'}`;
      if (scope.hostPorts.has(key)) p.duplicate([...portPath, 'hostPort'], key);
      scope.hostPorts.add(key);
    }
  });
  list(c.env).forEach((e, i) => isObj(e) && checkEnvVar(p, e, [...path, 'env', i]));
  list(c.envFrom).forEach((e, i) => isObj(e) && checkEnvFrom(p, e, [...path, 'envFrom', i]));
  checkResources(p, c.resources, [...path, 'resources']);
  const mountPaths = new Set<string>();
  list(c.volumeMounts).forEach((m, i) => {
    if (!isObj(m)) return;
    const mPath = [...path, 'volumeMounts', i];
    if (isString(m.name) && !scope.volumeNames.has(m.name)) p.notFound([...mPath, 'name'], m.name);
    if (isString(m.mountPath)) {
      if (m.mountPath === '') p.required([...mPath, 'mountPath']);
      else if (mountPaths.has(m.mountPath)) p.invalid([...mPath, 'mountPath'], m.mountPath, ['must be unique']);
      mountPaths.add(m.mountPath);
    }
    if (isString(m.subPath)) checkRelativePath(p, m.subPath, [...mPath, 'subPath']);
  });
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    const pr = c[probe];
    if (!isObj(pr)) continue;
    checkHandler(p, pr, [...path, probe], ['exec', 'httpGet', 'tcpSocket', 'grpc']);
    if (probe !== 'readinessProbe' && isNumber(pr.successThreshold) && pr.successThreshold !== 1) {
      p.invalid([...path, probe, 'successThreshold'], pr.successThreshold, ['must be 1']);
    }
  }
  for (const hook of ['postStart', 'preStop']) {
    const handler = isObj(c.lifecycle) ? c.lifecycle[hook] : undefined;
    if (isObj(handler)) checkHandler(p, handler, [...path, 'lifecycle', hook], ['exec', 'httpGet', 'tcpSocket', 'sleep']);
  }
}

/** Probes and lifecycle hooks: exactly one handler, and ports that are numbers or valid port names. */
function checkHandler(p: Problems, handler: Json, path: FieldPath, kinds: string[]): void {
  const present = kinds.filter((k) => handler[k] !== undefined);
  if (present.length === 0) p.required(path, 'must specify a handler type');
  for (const extra of present.slice(1)) p.forbidden([...path, extra], 'may not specify more than 1 handler type');
  for (const k of ['httpGet', 'tcpSocket']) {
    const port = isObj(handler[k]) ? handler[k].port : undefined;
    if (isString(port)) p.invalid([...path, k, 'port'], port, portNameErrors(port));
  }
  if (isObj(handler.exec) && list(handler.exec.command).length === 0) p.required([...path, 'exec', 'command']);
}

const FIELD_REF_PATHS = [
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
const RESOURCE_FIELD_REFS = [
  'limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory',
];
const ENV_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];

function checkEnvVar(p: Problems, e: Json, path: FieldPath): void {
  if (isString(e.name)) {
    if (e.name === '') p.required([...path, 'name']);
    else p.invalid([...path, 'name'], e.name, envVarNameErrors(e.name));
  }
  if (!isObj(e.valueFrom)) return;
  const from = e.valueFrom;
  const fromPath = [...path, 'valueFrom'];
  if (isString(e.value) && e.value !== '') p.invalid(fromPath, '', ['may not be specified when `value` is not empty']);
  const sources = ENV_SOURCES.filter((s) => from[s] !== undefined);
  if (sources.length === 0) p.invalid(fromPath, '', ['must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`']);
  if (sources.length > 1) p.invalid(fromPath, '', ['may not have more than one field specified at a time']);
  for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
    const sel = from[ref];
    if (!isObj(sel)) continue;
    if (!isString(sel.name) || sel.name === '') p.required([...fromPath, ref, 'name']);
    else p.invalid([...fromPath, ref, 'name'], sel.name, dns1123SubdomainErrors(sel.name));
    if (isString(sel.key)) {
      if (sel.key === '') p.required([...fromPath, ref, 'key']);
      else p.invalid([...fromPath, ref, 'key'], sel.key, configKeyErrors(sel.key));
    }
  }
  if (isObj(from.fieldRef) && isString(from.fieldRef.fieldPath)) {
    const fieldPath = from.fieldRef.fieldPath;
    const base = fieldPath.replace(/^(metadata\.(labels|annotations))\[.+\]$/, '$1');
    if (!FIELD_REF_PATHS.includes(base)) p.unsupported([...fromPath, 'fieldRef', 'fieldPath'], fieldPath, FIELD_REF_PATHS);
  }
  if (isObj(from.resourceFieldRef)) {
    const r = from.resourceFieldRef;
    if (isString(r.resource) && !RESOURCE_FIELD_REFS.includes(r.resource)) p.unsupported([...fromPath, 'resourceFieldRef', 'resource'], r.resource, RESOURCE_FIELD_REFS);
    if (r.divisor !== undefined) p.invalid([...fromPath, 'resourceFieldRef', 'divisor'], r.divisor, quantityErrors(r.divisor));
  }
}

function checkEnvFrom(p: Problems, e: Json, path: FieldPath): void {
  if (isString(e.prefix) && e.prefix !== '') p.invalid([...path, 'prefix'], e.prefix, envVarNameErrors(e.prefix));
  const sources = ['configMapRef', 'secretRef'].filter((s) => e[s] !== undefined);
  if (sources.length === 0) p.invalid(path, '', ['must specify one of: `configMapRef` or `secretRef`']);
  if (sources.length > 1) p.invalid(path, '', ['may not have more than one field specified at a time']);
  for (const s of sources) {
    const ref = e[s];
    if (!isObj(ref)) continue;
    if (!isString(ref.name) || ref.name === '') p.required([...path, s, 'name']);
    else p.invalid([...path, s, 'name'], ref.name, dns1123SubdomainErrors(ref.name));
  }
}

function checkResources(p: Problems, resources: unknown, path: FieldPath): void {
  if (!isObj(resources)) return;
  for (const group of ['limits', 'requests']) {
    for (const [name, value] of entries(resources[group])) {
      p.invalid([...path, group, name], value, quantityErrors(value));
    }
  }
  for (const [name, request] of entries(resources.requests)) {
    const limitValue = isObj(resources.limits) ? resources.limits[name] : undefined;
    const req = parseQuantity(request);
    const limit = parseQuantity(limitValue);
    if (req && limit && compareQuantities(req, limit) > 0) {
      p.invalid([...path, 'requests', name], String(request), [`must be less than or equal to ${name} limit of ${String(limitValue)}`]);
    }
  }
}

/** Returns the names of the pod's volumes, for volumeMounts to refer to. */
function checkVolumes(p: Problems, volumes: unknown, path: FieldPath): Set<string> {
  const names = new Set<string>();
  list(volumes).forEach((v, i) => {
    if (!isObj(v)) return;
    const vPath = [...path, i];
    if (isString(v.name)) {
      p.invalid([...vPath, 'name'], v.name, dns1123LabelErrors(v.name));
      if (names.has(v.name)) p.duplicate([...vPath, 'name'], v.name);
      names.add(v.name);
    }
    const sources = [...SUPPORTED_VOLUME_SOURCES, ...UNSUPPORTED_VOLUME_SOURCES].filter((s) => v[s] !== undefined);
    if (sources.length === 0) p.required(vPath, 'must specify a volume type');
    for (const extra of sources.slice(1)) p.forbidden([...vPath, extra], 'may not specify more than 1 volume type');
    for (const s of sources.filter((s) => UNSUPPORTED_VOLUME_SOURCES.includes(s))) {
      p.forbidden([...vPath, s], `not supported by kctl (one Docker host); use one of ${SUPPORTED_VOLUME_SOURCES.join(', ')}`);
    }
    checkVolumeSource(p, v, vPath);
  });
  return names;
}

function checkVolumeSource(p: Problems, v: Json, path: FieldPath): void {
  if (isObj(v.configMap) && !v.configMap.name) p.required([...path, 'configMap', 'name']);
  if (isObj(v.secret) && !v.secret.secretName) p.required([...path, 'secret', 'secretName']);
  if (isObj(v.persistentVolumeClaim) && v.persistentVolumeClaim.claimName === '') p.required([...path, 'persistentVolumeClaim', 'claimName']);
  if (isObj(v.emptyDir) && v.emptyDir.sizeLimit !== undefined) {
    p.invalid([...path, 'emptyDir', 'sizeLimit'], v.emptyDir.sizeLimit, quantityErrors(v.emptyDir.sizeLimit));
  }
  const keyFiles: [FieldPath, unknown][] = [
    [[...path, 'configMap', 'items'], isObj(v.configMap) ? v.configMap.items : undefined],
    [[...path, 'secret', 'items'], isObj(v.secret) ? v.secret.items : undefined],
  ];
  list(isObj(v.projected) ? v.projected.sources : undefined).forEach((source, i) => {
    for (const kind of ['configMap', 'secret']) {
      if (isObj(source) && isObj(source[kind])) keyFiles.push([[...path, 'projected', 'sources', i, kind, 'items'], source[kind].items]);
    }
  });
  for (const [itemsPath, items] of keyFiles) {
    list(items).forEach((item, i) => {
      if (!isObj(item)) return;
      if (isString(item.key)) p.invalid([...itemsPath, i, 'key'], item.key, configKeyErrors(item.key));
      if (isString(item.path)) checkRelativePath(p, item.path, [...itemsPath, i, 'path']);
    });
  }
}

function checkRelativePath(p: Problems, value: string, path: FieldPath): void {
  if (value.startsWith('/')) p.invalid(path, value, ['must be a relative path']);
  if (value.split('/').includes('..')) p.invalid(path, value, ["must not contain '..'"]);
}

// ---------------------------------------------------------------- Service

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function checkServiceSpec(p: Problems, spec: Json, path: FieldPath): void {
  const type = spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') p.add([...path, 'type'], 'Unsupported value: "ExternalName": kctl supports "ClusterIP", "NodePort" and "LoadBalancer"');
  checkLabels(p, spec.selector, [...path, 'selector']);
  if (isString(spec.clusterIP) && spec.clusterIP !== '' && spec.clusterIP !== 'None' && !isIP(spec.clusterIP)) {
    p.invalid([...path, 'clusterIP'], spec.clusterIP, ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  }
  const ports = list(spec.ports);
  if (ports.length === 0 && spec.clusterIP !== 'None' && type !== 'ExternalName') p.required([...path, 'ports']);
  const names = new Set<string>();
  const portKeys = new Set<string>();
  const nodePorts = new Set<number>();
  ports.forEach((port, i) => {
    if (!isObj(port)) return;
    const pPath = [...path, 'ports', i];
    if (ports.length > 1 && (port.name === undefined || port.name === '')) p.required([...pPath, 'name']);
    if (isString(port.name) && port.name !== '') {
      p.invalid([...pPath, 'name'], port.name, dns1123LabelErrors(port.name));
      if (names.has(port.name)) p.duplicate([...pPath, 'name'], port.name);
      names.add(port.name);
    }
    if (isNumber(port.port)) {
      const key = { port: port.port, protocol: port.protocol ?? 'TCP' };
      if (portKeys.has(JSON.stringify(key))) p.duplicate(pPath, key);
      portKeys.add(JSON.stringify(key));
    }
    if (isString(port.targetPort)) p.invalid([...pPath, 'targetPort'], port.targetPort, portNameErrors(port.targetPort));
    if (isNumber(port.nodePort) && port.nodePort !== 0) {
      if (type === 'ClusterIP') p.forbidden([...pPath, 'nodePort'], "may not be used when `type` is 'ClusterIP'");
      else if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
        p.invalid([...pPath, 'nodePort'], port.nodePort, [`provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`]);
      } else if (nodePorts.has(port.nodePort)) p.duplicate([...pPath, 'nodePort'], port.nodePort);
      nodePorts.add(port.nodePort);
    }
  });
}

// ---------------------------------------------------------------- ConfigMap, Secret

const DATA_MAX_BYTES = 1024 * 1024;

function checkConfigMap(p: Problems, obj: Json): void {
  let size = 0;
  for (const [key, value] of entries(obj.data)) {
    p.invalid(['data', key], key, configKeyErrors(key), { path: ['data', key], part: 'key' });
    if (isObj(obj.binaryData) && key in obj.binaryData) {
      p.invalid(['data', key], key, ['duplicate of key present in binaryData'], { path: ['data', key], part: 'key' });
    }
    if (isString(value)) size += value.length;
  }
  for (const [key, value] of entries(obj.binaryData)) {
    p.invalid(['binaryData', key], key, configKeyErrors(key), { path: ['binaryData', key], part: 'key' });
    if (isString(value)) {
      const err = base64Error(value);
      if (err) p.add(['binaryData', key], err);
      size += value.length;
    }
  }
  if (size > DATA_MAX_BYTES) p.tooLong(isObj(obj.data) ? ['data'] : ['binaryData'], DATA_MAX_BYTES);
}

/** Keys a Secret of a given type must carry (k8s ValidateSecret). */
const SECRET_TYPE_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

function checkSecret(p: Problems, obj: Json): void {
  let size = 0;
  for (const field of ['data', 'stringData']) {
    for (const [key, value] of entries(obj[field])) {
      p.invalid([field, key], key, configKeyErrors(key), { path: [field, key], part: 'key' });
      if (!isString(value)) continue;
      if (field === 'data') {
        const err = base64Error(value);
        if (err) p.add([field, key], err);
      }
      size += value.length;
    }
  }
  if (size > DATA_MAX_BYTES) p.tooLong(['data'], DATA_MAX_BYTES);
  const keys = new Set([...entries(obj.data), ...entries(obj.stringData)].map(([k]) => k));
  for (const required of SECRET_TYPE_KEYS[obj.type as string] ?? []) {
    if (!keys.has(required)) p.required(['data', required]);
  }
  if (obj.type === 'kubernetes.io/basic-auth' && !keys.has('username') && !keys.has('password')) {
    p.required(['data', 'username']);
    p.required(['data', 'password']);
  }
}

/**
 * Go's base64.StdEncoding, which Kubernetes uses for []byte fields: padding required, CR and LF skipped.
 * Returns Go's error text; the offending data itself is never echoed (it may be a secret).
 */
export function base64Error(value: string): string | undefined {
  const chars: { c: string; at: number }[] = [];
  for (let i = 0; i < value.length; i++) if (value[i] !== '\n' && value[i] !== '\r') chars.push({ c: value[i], at: i });
  const illegal = (at: number) => `illegal base64 data at input byte ${at}`;
  const firstPad = chars.findIndex((x) => x.c === '=');
  const dataEnd = firstPad === -1 ? chars.length : firstPad;
  for (let i = 0; i < dataEnd; i++) if (!/[A-Za-z0-9+/]/.test(chars[i].c)) return illegal(chars[i].at);
  for (let i = dataEnd; i < chars.length; i++) if (chars[i].c !== '=') return illegal(chars[i].at);
  const padding = chars.length - dataEnd;
  if (chars.length % 4 !== 0 || padding > 2 || (padding > 0 && dataEnd % 4 < 2)) {
    const quantumStart = chars.length - (chars.length % 4 || 4);
    return illegal(chars[quantumStart]?.at ?? value.length);
  }
  return undefined;
}

// ---------------------------------------------------------------- PersistentVolumeClaim, HorizontalPodAutoscaler

function checkPvcSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
  if (spec.volumeMode === 'Block') p.add([...path, 'volumeMode'], 'Unsupported value: "Block": kctl supports "Filesystem"');
  const resources = isObj(spec.resources) ? spec.resources : undefined;
  if (!resources) return;
  checkResources(p, resources, [...path, 'resources']);
  const storage = isObj(resources.requests) ? resources.requests.storage : undefined;
  if (storage === undefined) p.required([...path, 'resources', 'requests', 'storage']);
  else if (quantityErrors(storage).length === 0 && parseQuantity(storage)!.num === 0n) {
    p.invalid([...path, 'resources', 'requests', 'storage'], storage, ['must be greater than zero']);
  }
}

function checkHpaSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
  const target = isObj(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
  if (isString(target.kind) && target.kind !== 'Deployment') {
    p.add([...path, 'scaleTargetRef', 'kind'], `Unsupported value: ${formatValue(target.kind)}: kctl scales "Deployment"`);
  }
  if (isString(target.name)) p.invalid([...path, 'scaleTargetRef', 'name'], target.name, dns1123SubdomainErrors(target.name));
  const min = isNumber(spec.minReplicas) ? spec.minReplicas : 1;
  if (isNumber(spec.maxReplicas) && spec.maxReplicas < min) {
    p.invalid([...path, 'maxReplicas'], spec.maxReplicas, ['must be greater than or equal to `minReplicas`']);
  }
  list(spec.metrics).forEach((m, i) => {
    if (!isObj(m) || m.type !== 'Resource') return;
    const mPath = [...path, 'metrics', i];
    if (!isObj(m.resource)) return p.required([...mPath, 'resource'], 'must populate information for the given metric source');
    const t = m.resource.target;
    if (!isObj(t)) return;
    const tPath = [...mPath, 'resource', 'target'];
    if (t.type === 'Utilization' && t.averageUtilization === undefined) p.required([...tPath, 'averageUtilization'], 'must populate the given metric target');
    if (t.type === 'AverageValue' && t.averageValue === undefined) p.required([...tPath, 'averageValue'], 'must populate the given metric target');
    if (t.averageUtilization !== undefined && t.averageValue !== undefined) {
      p.forbidden([...tPath, 'averageValue'], 'may not set both a target raw value and a target utilization');
    }
    if (t.averageValue !== undefined) {
      const errs = quantityErrors(t.averageValue);
      if (errs.length) p.invalid([...tPath, 'averageValue'], t.averageValue, errs);
      else if (parseQuantity(t.averageValue)!.num === 0n) p.invalid([...tPath, 'averageValue'], t.averageValue, ['must be positive']);
    }
  });
}
