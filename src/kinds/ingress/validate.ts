/**
 * Checks of an Ingress the JSON Schema cannot express, with the API server's messages
 * (k8s pkg/apis/networking/validation): rules or a default backend, hosts as DNS names, path types and paths,
 * one Service port by name or number. A resource backend is valid in Kubernetes but kctl cannot serve it.
 */
import { isIP } from 'net';
import { dns1035LabelErrors, dns1123SubdomainErrors, portNameErrors, portNumberErrors, wildcardDns1123SubdomainErrors } from '../../api/names';
import { isNumber, isObj, isString, list, type FieldPath, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';

export const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
/** Directory traversal and encoded slashes (invalidPathSequences / invalidPathSuffixes). */
const BAD_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const BAD_SUFFIXES = ['/..', '/.'];
/** The annotation that named the class before spec.ingressClassName. */
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function validate(p: Problems, obj: Json): void {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const path = ['spec'];
  const rules = list(spec.rules);
  if (rules.length === 0 && spec.defaultBackend === undefined) p.invalid(path, null, ['either `defaultBackend` or `rules` must be specified']);
  if (isObj(spec.defaultBackend)) checkBackend(p, spec.defaultBackend, [...path, 'defaultBackend']);
  rules.forEach((rule, i) => isObj(rule) && checkRule(p, rule, [...path, 'rules', i]));
  list(spec.tls).forEach((tls, i) => isObj(tls) && checkTls(p, tls, [...path, 'tls', i]));
  if (isString(spec.ingressClassName)) p.invalid([...path, 'ingressClassName'], spec.ingressClassName, dns1123SubdomainErrors(spec.ingressClassName));
  const annotations = isObj(obj.metadata) && isObj(obj.metadata.annotations) ? obj.metadata.annotations : {};
  const annotated = annotations[CLASS_ANNOTATION];
  if (isString(annotated) && isString(spec.ingressClassName) && annotated !== spec.ingressClassName) {
    p.invalid(['annotations', CLASS_ANNOTATION], annotated, ['must match `ingressClassName` when both are specified']);
  }
}

function checkRule(p: Problems, rule: Json, path: FieldPath): void {
  if (isString(rule.host) && rule.host !== '') {
    if (isIP(rule.host)) p.invalid([...path, 'host'], rule.host, ['must be a DNS name, not an IP address']);
    p.invalid([...path, 'host'], rule.host, hostErrors(rule.host));
  }
  if (!isObj(rule.http)) return;
  const paths = list(rule.http.paths);
  if (paths.length === 0) p.required([...path, 'http', 'paths']);
  paths.forEach((entry, i) => isObj(entry) && checkPath(p, entry, [...path, 'http', 'paths', i]));
}

function hostErrors(host: string): string[] {
  return host.includes('*') ? wildcardDns1123SubdomainErrors(host) : dns1123SubdomainErrors(host);
}

function checkPath(p: Problems, entry: Json, path: FieldPath): void {
  if (entry.pathType === undefined) return p.required([...path, 'pathType'], 'pathType must be specified');
  const value = isString(entry.path) ? entry.path : '';
  if (entry.pathType === 'Exact' || entry.pathType === 'Prefix') {
    if (!value.startsWith('/')) p.invalid([...path, 'path'], value, ['must be an absolute path']);
    for (const seq of BAD_SEQUENCES) if (value.includes(seq)) p.invalid([...path, 'path'], value, [`must not contain '${seq}'`]);
    for (const suffix of BAD_SUFFIXES) if (value.endsWith(suffix)) p.invalid([...path, 'path'], value, [`cannot end with '${suffix}'`]);
  } else if (entry.pathType === 'ImplementationSpecific') {
    if (value !== '' && !value.startsWith('/')) p.invalid([...path, 'path'], value, ['must be an absolute path']);
  } else p.unsupported([...path, 'pathType'], entry.pathType, PATH_TYPES);
  if (isObj(entry.backend)) checkBackend(p, entry.backend, [...path, 'backend']);
}

function checkBackend(p: Problems, backend: Json, path: FieldPath): void {
  const service = isObj(backend.service) ? backend.service : undefined;
  if (backend.resource !== undefined && service) return p.invalid(path, '', ['cannot set both resource and service backends']);
  if (backend.resource !== undefined) return p.forbidden([...path, 'resource'], 'kctl serves Service backends only');
  if (!service) return p.invalid(path, '', ['resource or service backend is required']);
  if (!isString(service.name) || service.name === '') p.required([...path, 'service', 'name']);
  else p.invalid([...path, 'service', 'name'], service.name, dns1035LabelErrors(service.name));
  const port = isObj(service.port) ? service.port : {};
  const byName = isString(port.name) && port.name !== '';
  const byNumber = isNumber(port.number) && port.number !== 0;
  if (byName && byNumber) p.invalid(path, '', ['cannot set both port name & port number']);
  else if (byName) p.invalid([...path, 'service', 'port', 'name'], port.name, portNameErrors(port.name as string));
  else if (byNumber) p.invalid([...path, 'service', 'port', 'number'], port.number, portNumberErrors(port.number as number));
  else p.required(path, 'port name or number is required');
}

function checkTls(p: Problems, tls: Json, path: FieldPath): void {
  list(tls.hosts).forEach((host, i) => isString(host) && p.invalid([...path, 'hosts', i], host, hostErrors(host)));
  if (isString(tls.secretName) && tls.secretName !== '') p.invalid([...path, 'secretName'], tls.secretName, dns1123SubdomainErrors(tls.secretName));
}
