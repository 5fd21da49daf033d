/**
 * A StatefulSet's volume claims (pkg/controller/statefulset stateful_set_utils.go): each claim template makes
 * one PersistentVolumeClaim per pod, `<template>-<pod>`, labelled with the template's labels and the set's
 * selector, and each pod mounts its own claims as the volumes named after the templates.
 */
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../api/time';

export function claimName(template: any, podName: string): string {
  return `${template.metadata.name}-${podName}`;
}

/** The pod spec with a persistentVolumeClaim volume per template (replacing a volume of that name); claim `<template>` when no pod is named. */
export function withClaimVolumes(podSpec: any, templates: any[], podName?: string): any {
  const names = new Set(templates.map((t) => t.metadata?.name));
  const claims = templates.map((t) => ({ name: t.metadata?.name, persistentVolumeClaim: { claimName: podName ? claimName(t, podName) : t.metadata?.name } }));
  const others = ((podSpec.volumes ?? []) as any[]).filter((v) => !names.has(v?.name));
  const volumes = [...claims, ...others];
  return { ...podSpec, ...(volumes.length ? { volumes } : {}) };
}

/** The claim of `template` for the pod `podName`, as the controller creates it. */
export function newClaim(set: KObject, template: any, podName: string, now: Date): KObject {
  const labels = { ...(template.metadata?.labels ?? {}) };
  for (const [k, v] of Object.entries((set.spec.selector?.matchLabels ?? {}) as Record<string, string>)) labels[k] ??= v;
  const metadata: KObject['metadata'] = { name: claimName(template, podName), namespace: set.metadata.namespace ?? 'default', creationTimestamp: rfc3339(now), labels };
  if (template.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: structuredClone(template.spec ?? {}), status: { phase: 'Pending' } };
}
