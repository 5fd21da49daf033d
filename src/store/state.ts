/**
 * The in-memory form of the state file: desired objects with their status, and recent events.
 * Pure data operations; reading and writing the file is store.ts's job.
 */
import { randomUUID } from 'crypto';
import type { KEvent, KObject } from '../api/types';
import { findKind } from '../api/kinds';
import { matchesSelector, type Selector } from '../api/selector';
import { rfc3339 } from '../api/time';

export const FORMAT_VERSION = 1;
/** Events kept per object and in all; older ones are dropped (kubectl describe shows the recent ones). */
export const EVENTS_PER_OBJECT = 20;
export const EVENTS_TOTAL = 2000;

export interface StateData {
  kind: 'KctlState';
  formatVersion: number;
  resourceVersion: number;
  objects: Record<string, KObject>;
  events: KEvent[];
}

export function emptyState(): StateData {
  return { kind: 'KctlState', formatVersion: FORMAT_VERSION, resourceVersion: 0, objects: {}, events: [] };
}

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${findKind(kind)?.namespaced === false ? '' : namespace ?? 'default'}/${name}`;
}

export class State {
  /** `now`: the clock for timestamps the state and its controllers record. */
  constructor(readonly data: StateData, readonly now: () => Date = () => new Date()) {}

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.data.objects[objectKey(kind, namespace, name)];
  }

  /** Objects of a kind, optionally in one namespace (undefined = all) and matching a label selector. */
  list(kind: string, namespace?: string, selector?: Selector): KObject[] {
    const out: KObject[] = [];
    for (const o of Object.values(this.data.objects)) {
      if (o.kind !== kind) continue;
      if (namespace !== undefined && findKind(kind)?.namespaced !== false && (o.metadata.namespace ?? 'default') !== namespace) continue;
      if (selector && !matchesSelector(selector, o.metadata.labels ?? {})) continue;
      out.push(o);
    }
    return out.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  }

  all(): KObject[] {
    return Object.values(this.data.objects);
  }

  /**
   * Stores an object, filling uid and creationTimestamp for new ones and bumping resourceVersion.
   * Returns the stored object.
   */
  put(obj: KObject): KObject {
    const key = objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const existing = this.data.objects[key];
    const meta = obj.metadata;
    if (findKind(obj.kind)?.namespaced !== false) meta.namespace = meta.namespace ?? 'default';
    else delete meta.namespace;
    meta.uid = meta.uid ?? existing?.metadata.uid ?? randomUUID();
    meta.creationTimestamp = wholeSeconds(meta.creationTimestamp ?? existing?.metadata.creationTimestamp) ?? rfc3339(this.now());
    if (meta.deletionTimestamp) meta.deletionTimestamp = wholeSeconds(meta.deletionTimestamp);
    this.data.resourceVersion += 1;
    meta.resourceVersion = String(this.data.resourceVersion);
    this.data.objects[key] = obj;
    return obj;
  }

  remove(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const key = objectKey(kind, namespace, name);
    const existing = this.data.objects[key];
    if (existing) {
      delete this.data.objects[key];
      this.data.resourceVersion += 1;
    }
    return existing;
  }

  /** Records an event, folding repeats of the same reason and message into a count as Kubernetes does. */
  event(obj: KObject, type: KEvent['type'], reason: string, message: string): void {
    const at = rfc3339(this.now());
    const involved = { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid };
    const events = this.data.events;
    const last = events.findLast((e) => e.involvedObject.uid === involved.uid && e.involvedObject.kind === obj.kind && e.involvedObject.name === involved.name);
    if (last && last.reason === reason && last.message === message && last.type === type) {
      last.count += 1;
      last.lastTimestamp = at;
      return;
    }
    events.push({ type, reason, message, involvedObject: involved, firstTimestamp: at, lastTimestamp: at, count: 1, source: 'kctl' });
    const mine = events.filter((e) => e.involvedObject.uid === involved.uid);
    if (mine.length > EVENTS_PER_OBJECT) events.splice(events.indexOf(mine[0]), 1);
    if (events.length > EVENTS_TOTAL) events.splice(0, events.length - EVENTS_TOTAL);
  }

  eventsFor(obj: KObject): KEvent[] {
    return this.data.events.filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (e.involvedObject.namespace ?? '') === (obj.metadata.namespace ?? '') && (!e.involvedObject.uid || e.involvedObject.uid === obj.metadata.uid));
  }
}

/** Metadata timestamps are stored as Kubernetes writes them, whatever a controller handed in. */
function wholeSeconds(ts: string | undefined): string | undefined {
  return ts?.replace(/\.\d+Z$/, 'Z');
}
