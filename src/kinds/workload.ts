/**
 * What Deployments and ReplicaSets share: a pod template, spec.replicas and a label selector. Their index.ts
 * files take these capabilities from here instead of each writing them.
 */
import type { KObject } from '../api/types';
import { KctlError } from '../errors';
import type { ExposeCapability, ScaleCapability } from './types';

export function templateOf(obj: KObject): { metadata?: any; spec?: any } | undefined {
  return obj.spec?.template;
}

export const specReplicasScale: ScaleCapability = {
  replicas: (obj) => obj.spec?.replicas ?? 1,
  setReplicas: (obj, replicas) => {
    obj.spec.replicas = replicas;
  },
  podSelector: (obj) => obj.spec?.selector,
};

export const templateExpose: ExposeCapability = {
  selector(obj) {
    if (obj.spec?.selector?.matchExpressions?.length) {
      throw new KctlError("couldn't retrieve selectors via --selector flag or introspection: the selector uses matchExpressions, which a Service cannot express");
    }
    return nonEmptySelector(obj, obj.spec?.selector?.matchLabels);
  },
  ports: (obj) => containerPorts(obj.spec?.template?.spec),
};

/** kubectl's MapBasedSelectorForObject refuses an object with nothing to select by. */
export function nonEmptySelector(obj: KObject, selector: Record<string, string> | undefined): Record<string, string> {
  if (!selector || Object.keys(selector).length === 0) throw new KctlError(`couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no labels to select by`);
  return { ...selector };
}

/** kubectl's PortsForObject for a pod spec: every container's ports. */
export function containerPorts(podSpec: any): string[] {
  return (podSpec?.containers ?? []).flatMap((c: { ports?: { containerPort: number }[] }) => (c.ports ?? []).map((p) => String(p.containerPort)));
}
