/**
 * The merged lists of a pod spec under strategic merge patch (Kubernetes' core/v1 struct tags): containers
 * by name and, inside each, ports by containerPort, env by name, volumeMounts by mountPath.
 */
import { mergedList, objectMetaShape, type PatchShape } from '../../api/patch/shape';

const containerShape: PatchShape = {
  ports: mergedList('containerPort'),
  env: mergedList('name'),
  volumeMounts: mergedList('mountPath'),
  volumeDevices: mergedList('devicePath'),
};

export const podSpecShape: PatchShape = {
  containers: mergedList('name', containerShape),
  initContainers: mergedList('name', containerShape),
  ephemeralContainers: mergedList('name', containerShape),
  volumes: mergedList('name'),
  imagePullSecrets: mergedList('name'),
  hostAliases: mergedList('ip'),
  topologySpreadConstraints: mergedList('topologyKey'),
  schedulingGates: mergedList('name'),
  resourceClaims: mergedList('name'),
};

/** `spec.template` of the workloads. */
export const podTemplateShape: PatchShape = { metadata: objectMetaShape, spec: podSpecShape };

/** status.conditions of every kind that has them merge by type. */
export const conditionsShape: PatchShape = { conditions: mergedList('type') };

export const podShape: PatchShape = { spec: podSpecShape, status: conditionsShape };
