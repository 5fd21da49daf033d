/**
 * The defaults the Kubernetes API server fills in (pkg/apis/<group>/v1/defaults.go), so that stored objects,
 * `get -o yaml` and `diff` look as they would on a cluster. The loader returns objects as written; `apply`
 * stores applyDefaults(obj) and `diff` compares both sides with defaults applied. Idempotent; never mutates its input.
 */
import { findKind } from './kinds';
import type { KObject } from './types';

export function applyDefaults<T extends KObject>(input: T): T {
  const obj = structuredClone(input);
  if (findKind(obj.kind)?.namespaced) obj.metadata.namespace ??= 'default';
  switch (obj.kind) {
    case 'Deployment':
      defaultDeploymentSpec((obj.spec ??= {}));
      break;
    case 'Pod':
      defaultPodSpec((obj.spec ??= {}), { restartPolicy: 'Always' });
      break;
    case 'Service':
      defaultServiceSpec((obj.spec ??= {}));
      break;
    case 'Secret':
      (obj as Record<string, unknown>).type ??= 'Opaque';
      break;
    case 'PersistentVolumeClaim':
      (obj.spec ??= {}).volumeMode ??= 'Filesystem';
      break;
    case 'HorizontalPodAutoscaler':
      defaultHpaSpec((obj.spec ??= {}));
      break;
  }
  return obj;
}

type Spec = Record<string, any>;

function defaultDeploymentSpec(spec: Spec): void {
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = (strategy.rollingUpdate ??= {});
    rolling.maxUnavailable ??= '25%';
    rolling.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.minReadySeconds ??= 0;
  const template = (spec.template ??= {});
  defaultPodSpec((template.spec ??= {}), { restartPolicy: 'Always' });
}

function defaultPodSpec(spec: Spec, defaults: { restartPolicy: string }): void {
  spec.restartPolicy ??= defaults.restartPolicy;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function defaultContainer(c: Spec): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (handler?.httpGet) defaultHttpGet(handler.httpGet);
}

function defaultProbe(probe: Spec): void {
  probe.initialDelaySeconds ??= 0;
  probe.periodSeconds ??= 10;
  probe.timeoutSeconds ??= 1;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) defaultHttpGet(probe.httpGet);
}

function defaultHttpGet(get: Spec): void {
  get.path ??= '/';
  get.scheme ??= 'HTTP';
}

/** Kubernetes gives projected files mode 0644 unless told otherwise. */
function defaultVolume(v: Spec): void {
  for (const source of [v.configMap, v.secret, v.projected, v.downwardAPI]) if (source) source.defaultMode ??= 0o644;
}

function defaultServiceSpec(spec: Spec): void {
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
}

/** Kubernetes' HPA scaling rules when behavior leaves them out (the HPA controller uses them too). */
export const HPA_DEFAULT_SCALE_UP = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
export const HPA_DEFAULT_SCALE_DOWN = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** As Kubernetes does, behavior is completed only when given; the HPA controller applies the same rules when absent. */
function defaultHpaSpec(spec: Spec): void {
  spec.minReplicas ??= 1;
  if (!spec.metrics?.length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = { ...structuredClone(HPA_DEFAULT_SCALE_UP), ...spec.behavior.scaleUp };
    spec.behavior.scaleDown = { ...structuredClone(HPA_DEFAULT_SCALE_DOWN), ...spec.behavior.scaleDown };
  }
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
