/** The API server's defaults of a pod spec (pkg/apis/core/v1/defaults.go), for Pods and for pod templates. */
import type { Json, KObject } from '../../api/types';

export function defaults(obj: KObject): void {
  defaultPodSpec((obj.spec ??= {}), { restartPolicy: 'Always' });
}

export function defaultPodSpec(spec: Json, defaults: { restartPolicy: string }): void {
  spec.restartPolicy ??= defaults.restartPolicy;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function defaultContainer(c: Json): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (handler?.httpGet) defaultHttpGet(handler.httpGet);
}

function defaultProbe(probe: Json): void {
  probe.initialDelaySeconds ??= 0;
  probe.periodSeconds ??= 10;
  probe.timeoutSeconds ??= 1;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) defaultHttpGet(probe.httpGet);
}

function defaultHttpGet(get: Json): void {
  get.path ??= '/';
  get.scheme ??= 'HTTP';
}

/** Kubernetes gives projected files mode 0644 unless told otherwise. */
function defaultVolume(v: Json): void {
  for (const source of [v.configMap, v.secret, v.projected, v.downwardAPI]) if (source) source.defaultMode ??= 0o644;
}

/** Kubernetes' default imagePullPolicy: Always for `:latest` (or no tag), else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The tag of an image reference: `nginx` -> "latest", `nginx:1.27` -> "1.27", `repo@sha256:..` -> undefined. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon === -1 ? 'latest' : lastSegment.slice(colon + 1);
}
