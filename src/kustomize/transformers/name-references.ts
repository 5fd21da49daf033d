/**
 * After names changed (prefix, suffix, content hash), the fields that name another resource follow it, as
 * kustomize's name-reference transformer does: ConfigMaps, Secrets, claims and service accounts named in pod
 * specs (volumes, env valueFrom, envFrom, imagePullSecrets), the workload an HPA scales, a StatefulSet's Service.
 * A reference follows the one resource of the right kind, in the referrer's namespace, that had that name.
 */
import { allIds, currentId, effectiveNamespace, kindOf, nameOf, type Obj, type Resource } from '../resource';

interface Reference {
  kind: string;
  holder: Obj;
  key: string;
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function fixNameReferences(list: Resource[]): Resource[] {
  for (const referrer of list) {
    for (const ref of referencesIn(referrer.obj)) {
      const name = ref.holder[ref.key];
      if (typeof name !== 'string') continue;
      const namespace = effectiveNamespace(currentId(referrer));
      const candidates = list.filter(
        (r) => kindOf(r.obj) === ref.kind && (ref.kind === 'Namespace' || effectiveNamespace(currentId(r)) === namespace) && allIds(r).some((id) => id.name === name),
      );
      const names = new Set(candidates.map((r) => nameOf(r.obj)));
      if (names.size === 1) ref.holder[ref.key] = [...names][0];
    }
  }
  return list;
}

function referencesIn(obj: Obj): Reference[] {
  const refs: Reference[] = [];
  const at = (holder: unknown, key: string, kind: string) => {
    if (isMap(holder) && typeof holder[key] === 'string') refs.push({ kind, holder, key });
  };
  const kind = kindOf(obj);
  const podPath = POD_SPEC_PATHS[kind];
  const podSpec = podPath && dig(obj, podPath);
  if (isMap(podSpec)) {
    for (const v of list(podSpec.volumes)) {
      at(v.configMap, 'name', 'ConfigMap');
      at(v.secret, 'secretName', 'Secret');
      at(v.persistentVolumeClaim, 'claimName', 'PersistentVolumeClaim');
      for (const source of list(isMap(v.projected) ? v.projected.sources : undefined)) {
        at(source.configMap, 'name', 'ConfigMap');
        at(source.secret, 'name', 'Secret');
      }
    }
    for (const c of [...list(podSpec.containers), ...list(podSpec.initContainers), ...list(podSpec.ephemeralContainers)]) {
      for (const e of list(c.env)) {
        const from = isMap(e.valueFrom) ? e.valueFrom : {};
        at(from.configMapKeyRef, 'name', 'ConfigMap');
        at(from.secretKeyRef, 'name', 'Secret');
      }
      for (const e of list(c.envFrom)) {
        at(e.configMapRef, 'name', 'ConfigMap');
        at(e.secretRef, 'name', 'Secret');
      }
    }
    for (const s of list(podSpec.imagePullSecrets)) at(s, 'name', 'Secret');
    at(podSpec, 'serviceAccountName', 'ServiceAccount');
  }
  const spec = isMap(obj.spec) ? obj.spec : {};
  if (kind === 'HorizontalPodAutoscaler' && isMap(spec.scaleTargetRef) && typeof spec.scaleTargetRef.kind === 'string') at(spec.scaleTargetRef, 'name', spec.scaleTargetRef.kind);
  if (kind === 'StatefulSet') at(spec, 'serviceName', 'Service');
  return refs;
}

function isMap(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isMap) : [];
}

function dig(obj: Obj, path: string[]): unknown {
  let node: unknown = obj;
  for (const p of path) node = isMap(node) ? node[p] : undefined;
  return node;
}
