/** ConfigMap, Secret and Namespace: the kinds whose rows are a name, a count or a phase, and an age. */
import type { KObject } from '../../api/types';
import { age } from '../age';
import { headers, type KindColumns } from './types';

export const configMapColumns: KindColumns = {
  headers: headers(['NAME', 'DATA', 'AGE']),
  cells: (cm, { now }) => [cm.metadata.name, String(keyCount(cm.data) + keyCount(cm.binaryData)), age(cm.metadata.creationTimestamp, now)],
};

export const secretColumns: KindColumns = {
  headers: headers(['NAME', 'TYPE', 'DATA', 'AGE']),
  cells: (s, { now }) => [s.metadata.name, (s.type as string) || 'Opaque', String(secretKeys(s).length), age(s.metadata.creationTimestamp, now)],
};

export const namespaceColumns: KindColumns = {
  headers: headers(['NAME', 'STATUS', 'AGE']),
  cells: (ns, { now }) => [ns.metadata.name, ns.status?.phase ?? 'Active', age(ns.metadata.creationTimestamp, now)],
};

function keyCount(map: unknown): number {
  return map && typeof map === 'object' ? Object.keys(map).length : 0;
}

/** A Secret's keys; stringData (write-only in Kubernetes) is counted when it was not folded into data. */
export function secretKeys(s: KObject): string[] {
  const keys = new Set([...Object.keys((s.data as object) ?? {}), ...Object.keys((s.stringData as object) ?? {})]);
  return [...keys].sort();
}
