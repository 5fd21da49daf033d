/**
 * Checks of a pod spec the JSON Schema cannot express (k8s pkg/apis/core/validation ValidatePodSpec): names,
 * ports, env, resources, mounts, probes and volumes. Pods use them for their spec, Deployments for their template.
 */
import { isIP } from 'net';
import { imageReferenceError } from '../../api/image-reference';
import { checkResources } from '../../api/resource-checks';
import { configKeyErrors, dns1123LabelErrors, dns1123SubdomainErrors, envVarNameErrors, portNameErrors } from '../../api/names';
import { isNumber, isObj, isString, list, type FieldPath, type Problems } from '../../api/problems';
import { quantityErrors } from '../../api/quantity';
import type { Json } from '../../api/types';

export function validate(p: Problems, obj: Json): void {
  checkPodSpec(p, obj.spec, ['spec']);
}

const SUPPORTED_VOLUME_SOURCES = ['emptyDir', 'hostPath', 'configMap', 'secret', 'persistentVolumeClaim', 'projected', 'downwardAPI'];
const UNSUPPORTED_VOLUME_SOURCES = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'ephemeral', 'fc', 'flexVolume', 'flocker',
  'gcePersistentDisk', 'gitRepo', 'glusterfs', 'image', 'iscsi', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte',
  'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
];

export function checkPodSpec(p: Problems, spec: unknown, path: FieldPath): void {
  if (!isObj(spec)) return;
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
    else if (imageReferenceError(c.image)) p.invalid([...path, 'image'], c.image, [imageReferenceError(c.image)!]);
  }
  list(c.ports).forEach((port, i) => {
    if (!isObj(port)) return;
    const portPath = [...path, 'ports', i];
    if (isString(port.name)) {
      p.invalid([...portPath, 'name'], port.name, portNameErrors(port.name));
      if (scope.portNames.has(port.name)) p.duplicate([...portPath, 'name'], port.name);
      scope.portNames.add(port.name);
    }
    if (isString(port.hostIP) && port.hostIP !== '' && !isIP(port.hostIP)) {
      p.invalid([...portPath, 'hostIP'], port.hostIP, ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
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
  const fieldFiles: [FieldPath, unknown][] = [[[...path, 'downwardAPI', 'items'], isObj(v.downwardAPI) ? v.downwardAPI.items : undefined]];
  list(isObj(v.projected) ? v.projected.sources : undefined).forEach((source, i) => {
    for (const kind of ['configMap', 'secret']) {
      if (isObj(source) && isObj(source[kind])) keyFiles.push([[...path, 'projected', 'sources', i, kind, 'items'], source[kind].items]);
    }
    if (isObj(source) && isObj(source.downwardAPI)) fieldFiles.push([[...path, 'projected', 'sources', i, 'downwardAPI', 'items'], source.downwardAPI.items]);
  });
  for (const [itemsPath, items] of keyFiles) {
    list(items).forEach((item, i) => {
      if (!isObj(item)) return;
      if (isString(item.key)) p.invalid([...itemsPath, i, 'key'], item.key, configKeyErrors(item.key));
      if (isString(item.path)) checkRelativePath(p, item.path, [...itemsPath, i, 'path']);
    });
  }
  for (const [itemsPath, items] of fieldFiles) {
    list(items).forEach((item, i) => isObj(item) && isString(item.path) && checkRelativePath(p, item.path, [...itemsPath, i, 'path']));
  }
}

/** A file's path inside a volume: relative, and every element a name (none empty, `.` or `..`). */
function checkRelativePath(p: Problems, value: string, path: FieldPath): void {
  if (value === '') return p.required(path);
  if (value.startsWith('/')) p.invalid(path, value, ['must be a relative path']);
  const elements = value.replace(/^\/+/, '').split('/');
  if (elements.includes('..')) p.invalid(path, value, ["must not contain '..'"]);
  if (elements.some((e) => e === '' || e === '.')) p.invalid(path, value, ["must not contain an empty or '.' path element"]);
}
