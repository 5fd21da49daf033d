/** `get -w`: poll the state and print objects whose resourceVersion changed, until interrupted. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import type { State } from '../store/state';
import { sleep } from '../util/sleep';

const POLL_MS = 300;

export async function watchObjects(f: Factory, list: (s: State) => Promise<KObject[]>, print: (changed: KObject[]) => void, until: Promise<void>): Promise<void> {
  let stop = false;
  until.then(() => (stop = true));
  const seen = new Map<string, string>();
  const key = (o: KObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const fingerprint = (o: KObject) => JSON.stringify([o.metadata.resourceVersion, o.status]);
  for (const o of await list(f.store().read())) seen.set(key(o), fingerprint(o));
  while (!stop) {
    await Promise.race([sleep(POLL_MS), until]);
    if (stop) break;
    const changed = (await list(f.store().read())).filter((o) => seen.get(key(o)) !== fingerprint(o));
    for (const o of changed) seen.set(key(o), fingerprint(o));
    if (changed.length) print(changed);
  }
}
