/** `get -w`, `events -w`: poll the state and report what was added, changed or deleted since, until interrupted. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import type { WatchEventType } from '../printers/watch-events';
import type { State } from '../store/state';
import { sleep } from '../util/sleep';

const POLL_MS = 300;

export interface WatchChange {
  type: WatchEventType;
  object: KObject;
}

export async function watchObjects(f: Factory, list: (s: State) => Promise<KObject[]>, report: (changes: WatchChange[]) => void, until: Promise<void>): Promise<void> {
  let stop = false;
  until.then(() => (stop = true));
  let seen = await list(f.store().read());
  while (!stop) {
    await Promise.race([sleep(POLL_MS), until]);
    if (stop) break;
    const now = await list(f.store().read());
    const changes = changesBetween(seen, now);
    seen = now;
    if (changes.length) report(changes);
  }
}

/** What happened between two listings: new objects, changed ones (resourceVersion or status), and gone ones (as last seen). */
export function changesBetween(before: KObject[], now: KObject[]): WatchChange[] {
  const key = (o: KObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const fingerprint = (o: KObject) => JSON.stringify([o.metadata.resourceVersion, o.status]);
  const earlier = new Map(before.map((o) => [key(o), o]));
  const later = new Set(now.map(key));
  const changes: WatchChange[] = [];
  for (const o of now) {
    const was = earlier.get(key(o));
    if (!was) changes.push({ type: 'ADDED', object: o });
    else if (fingerprint(was) !== fingerprint(o)) changes.push({ type: 'MODIFIED', object: o });
  }
  for (const o of before) if (!later.has(key(o))) changes.push({ type: 'DELETED', object: o });
  return changes;
}
