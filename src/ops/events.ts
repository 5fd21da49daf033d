/**
 * `kctl events [--for TYPE/NAME] [--types Normal,Warning] [-A] [-w] [-o FORMAT]`: the newer kubectl events
 * command. Events oldest first (by when they were last seen), optionally only those of one object or type;
 * -w keeps printing new ones until interrupted.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { resolveResource } from '../api/kinds';
import { UsageError } from '../errors';
import type { State } from '../store/state';
import { listObjects } from './list-objects';

export interface EventsOptions {
  for?: string;
  types?: string[];
  allNamespaces?: boolean;
  output?: string;
  headers: boolean;
  watch?: boolean;
}

const TYPES = ['Normal', 'Warning'];

export async function runEvents(f: Factory, opts: EventsOptions): Promise<void> {
  const wanted = eventFilter(opts);
  const namespace = opts.allNamespaces ? undefined : f.namespace();
  const list = async (state: State) => (await listObjects(f, state, 'Event', namespace)).filter(wanted).sort(bySeen);
  const print = (events: KObject[], headers: boolean) => {
    const { printObjects } = require('../printers') as typeof import('../printers');
    f.stdout.write(printObjects(events, { output: opts.output, noHeaders: !headers, allNamespaces: opts.allNamespaces, list: true, now: f.now(), colour: false }));
  };
  const events = await list(f.store().read());
  if (events.length) print(events, opts.headers);
  else if (!opts.watch) f.stderr.write(namespace ? `No events found in ${namespace} namespace.\n` : 'No events found.\n');
  if (opts.watch) {
    const { watchObjects } = require('./watch') as typeof import('./watch');
    let headers = opts.headers && events.length === 0;
    await watchObjects(
      f,
      list,
      (changes) => {
        // Events are only ever added (or counted again); a pruned one is not news.
        const shown = changes.filter((c) => c.type !== 'DELETED').map((c) => c.object);
        if (!shown.length) return;
        print(shown, headers);
        headers = false;
      },
      f.interrupted,
    );
  }
}

/** --for and --types, checked as kubectl checks them. */
function eventFilter(opts: EventsOptions): (e: KObject) => boolean {
  const types = (opts.types ?? []).flatMap((t) => t.split(',')).filter(Boolean);
  for (const t of types) {
    if (!TYPES.some((known) => known.toLowerCase() === t.toLowerCase())) throw new UsageError(`valid --types are ${TYPES.join(', ')}`);
  }
  let kind: string | undefined;
  let name: string | undefined;
  if (opts.for !== undefined) {
    const slash = opts.for.indexOf('/');
    if (slash <= 0 || slash === opts.for.length - 1) throw new UsageError(`--for must be in resource/name form, not "${opts.for}"`);
    kind = resolveResource(opts.for.slice(0, slash)).kind;
    name = opts.for.slice(slash + 1);
  }
  return (e: any) => {
    if (types.length && !types.some((t) => t.toLowerCase() === String(e.type).toLowerCase())) return false;
    return kind === undefined || (e.involvedObject?.kind === kind && e.involvedObject?.name === name);
  };
}

function bySeen(a: any, b: any): number {
  const seen = (e: any) => Date.parse(e.lastTimestamp || e.firstTimestamp || e.eventTime || '') || 0;
  return seen(a) - seen(b);
}
