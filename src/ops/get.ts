/** `kctl get`: objects from the state, pods corrected by what Docker reports, printed by src/printers. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { NotFoundError } from '../errors';
import type { State } from '../store/state';
import { parseResourceArgs, type ResourceQuery } from './resource-args';
import { loadObjects } from './load';

export interface GetOptions {
  output?: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  selector?: string;
  allNamespaces?: boolean;
  filename?: string[];
  recursive?: boolean;
  headers: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  sortBy?: string;
  watch?: boolean;
  watchOnly?: boolean;
}

export async function runGet(f: Factory, args: string[], opts: GetOptions): Promise<void> {
  const query = opts.filename ? await queryFromFiles(f, opts) : parseResourceArgs(args);
  const namespace = opts.allNamespaces ? undefined : f.namespace();
  const render = async (state: State) => {
    const { objects, missing } = select(state, query, namespace, opts.selector);
    return { objects: await observe(f, objects), missing };
  };
  if (!opts.watchOnly) {
    const { objects, missing } = await render(f.store().read());
    print(f, objects, query, opts);
    if (objects.length === 0 && missing.length === 0) {
      f.stderr.write(namespace === undefined || query.refs.every((r) => !r.kind.namespaced) ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    }
    if (missing.length) throw new NotFoundError(missing.join('\n'));
  }
  if (opts.watch || opts.watchOnly) {
    const { watchObjects } = require('./watch') as typeof import('./watch');
    await watchObjects(f, async (state) => (await render(state)).objects, (changed) => print(f, changed, query, { ...opts, headers: false }), f.interrupted);
  }
}

function select(state: State, query: ResourceQuery, namespace: string | undefined, selector: string | undefined) {
  const sel = selector ? parseSelector(selector) : undefined;
  const objects: KObject[] = [];
  const missing: string[] = [];
  for (const ref of query.refs) {
    const ns = ref.kind.namespaced ? namespace : undefined;
    if (ref.name !== undefined) {
      const candidates = ref.kind.kind === 'Event' ? eventObjects(state, ns) : undefined;
      const obj = candidates ? candidates.find((o) => o.metadata.name === ref.name) : ns === undefined && ref.kind.namespaced ? state.list(ref.kind.kind).find((o) => o.metadata.name === ref.name) : state.get(ref.kind.kind, ns, ref.name);
      if (obj) objects.push(obj);
      else missing.push(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
    } else if (ref.kind.kind === 'Event') {
      objects.push(...eventObjects(state, ns));
    } else {
      objects.push(...state.list(ref.kind.kind, ns, sel));
    }
  }
  return { objects, missing };
}

/** Events are kept beside the objects; `get events` shows them as Event objects, named the same in every namespace view. */
function eventObjects(state: State, namespace: string | undefined): KObject[] {
  return state.data.events
    .map((e, i) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: `${e.involvedObject.name}.${i}`, namespace: e.involvedObject.namespace ?? 'default', creationTimestamp: e.firstTimestamp }, ...e }) as unknown as KObject)
    .filter((e) => namespace === undefined || e.metadata.namespace === namespace);
}

/** Pods are shown as Docker sees them now; without a reachable engine the stored status is shown. */
async function observe(f: Factory, objects: KObject[]): Promise<KObject[]> {
  if (!objects.some((o) => o.kind === 'Pod' && o.status?.containerStatuses?.length)) return objects;
  try {
    const { podBackend } = require('../app/controller-context') as typeof import('../app/controller-context');
    const pods = await (await podBackend(f)).observePods(objects.filter((o) => o.kind === 'Pod'));
    let i = 0;
    return objects.map((o) => (o.kind === 'Pod' ? pods[i++] : o));
  } catch (e) {
    f.log(1, `showing stored pod status: ${(e as Error).message}`);
    return objects;
  }
}

function print(f: Factory, objects: KObject[], query: ResourceQuery, opts: GetOptions): void {
  const { printObjects } = require('../printers') as typeof import('../printers');
  const { colourEnabled } = require('../printers/colour') as typeof import('../printers/colour');
  const text = printObjects(objects, {
    output: opts.output,
    template: opts.template,
    allowMissingTemplateKeys: opts.allowMissingTemplateKeys,
    noHeaders: !opts.headers,
    showLabels: opts.showLabels,
    labelColumns: opts.labelColumns?.flatMap((l) => l.split(',')).filter(Boolean),
    allNamespaces: opts.allNamespaces,
    sortBy: opts.sortBy,
    kindHeaderPrefix: query.multiKind,
    list: !(query.refs.length === 1 && query.refs[0].name !== undefined),
    now: f.now(),
    colour: colourEnabled(f.stdout, f.env),
  });
  f.stdout.write(text);
}

async function queryFromFiles(f: Factory, opts: GetOptions): Promise<ResourceQuery> {
  const { resolveResource } = require('../api/kinds') as typeof import('../api/kinds');
  const objects = await loadObjects(f, opts.filename ?? [], Boolean(opts.recursive));
  return { refs: objects.map((o) => ({ kind: resolveResource(o.kind), name: o.metadata.name })), multiKind: new Set(objects.map((o) => o.kind)).size > 1 };
}
