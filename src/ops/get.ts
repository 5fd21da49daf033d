/** `kctl get`: objects from the state, pods corrected by what Docker reports, printed by src/printers. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { parseFieldSelector } from '../api/field-selector';
import { NotFoundError } from '../errors';
import type { State } from '../store/state';
import { parseResourceArgs, type ResourceQuery } from './resource-args';
import { loadInputObjects } from './load';
import { listObjects } from './list-objects';
import { kindDefinition } from '../kinds/registry';

export interface GetOptions {
  output?: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  selector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  headers: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  sortBy?: string;
  watch?: boolean;
  watchOnly?: boolean;
  /** kubectl hides metadata.managedFields (server-side apply's owners) unless asked. */
  showManagedFields?: boolean;
  /** kubectl's --ignore-not-found: missing named objects and an empty list print nothing, and are no error. */
  ignoreNotFound?: boolean;
  /** With -w: print ADDED/MODIFIED/DELETED events (an EVENT column; `{type, object}` in json and yaml). */
  outputWatchEvents?: boolean;
}

export async function runGet(f: Factory, args: string[], opts: GetOptions): Promise<void> {
  const query = opts.filename || opts.kustomize !== undefined ? await queryFromFiles(f, opts) : parseResourceArgs(args);
  const namespace = opts.allNamespaces ? undefined : f.namespace();
  const render = async (state: State) => {
    const { objects, missing } = await select(f, state, query, namespace, opts);
    const shown = opts.showManagedFields ? objects : objects.map(withoutManagedFields);
    return { objects: await observe(f, shown), missing };
  };
  if (!opts.watchOnly) {
    const { objects, missing } = await render(f.store().read());
    if (opts.outputWatchEvents && (opts.watch || opts.watchOnly)) printEvents(f, 'ADDED', objects, query, opts);
    else print(f, objects, query, opts);
    if (objects.length === 0 && missing.length === 0 && !opts.ignoreNotFound) {
      f.stderr.write(namespace === undefined || query.refs.every((r) => !r.kind.namespaced) ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    }
    if (missing.length && !opts.ignoreNotFound) throw new NotFoundError(missing.join('\n'));
  }
  if (opts.watch || opts.watchOnly) {
    const { watchObjects } = require('./watch') as typeof import('./watch');
    // Each change on its own, as kubectl prints watch events: one object (never a List) each.
    const report = (changes: import('./watch').WatchChange[]) => {
      for (const c of changes) {
        if (opts.outputWatchEvents) printEvents(f, c.type, [c.object], query, { ...opts, headers: false });
        else print(f, [c.object], query, { ...opts, headers: false }, false);
      }
    };
    await watchObjects(f, async (state) => (await render(state)).objects, report, f.interrupted);
  }
}

async function select(f: Factory, state: State, query: ResourceQuery, namespace: string | undefined, opts: Pick<GetOptions, 'selector' | 'fieldSelector'>) {
  const sel = opts.selector ? parseSelector(opts.selector) : undefined;
  const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
  const objects: KObject[] = [];
  const missing: string[] = [];
  for (const ref of query.refs) {
    const ns = ref.kind.namespaced ? namespace : undefined;
    if (ref.name !== undefined) {
      const obj = ns === undefined || kindDefinition(ref.kind.kind)?.list ? (await listObjects(f, state, ref.kind.kind, ns)).find((o) => o.metadata.name === ref.name) : state.get(ref.kind.kind, ns, ref.name);
      if (obj) objects.push(obj);
      else missing.push(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
    } else {
      objects.push(...(await listObjects(f, state, ref.kind.kind, ns, sel, fields)));
    }
  }
  return { objects, missing };
}

function withoutManagedFields(obj: KObject): KObject {
  if (!('managedFields' in obj.metadata)) return obj;
  const { managedFields: _m, ...metadata } = obj.metadata as KObject['metadata'] & { managedFields?: unknown };
  return { ...obj, metadata };
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

function print(f: Factory, objects: KObject[], query: ResourceQuery, opts: GetOptions, list = !(query.refs.length === 1 && query.refs[0].name !== undefined)): void {
  const { printObjects } = require('../printers') as typeof import('../printers');
  f.stdout.write(printObjects(objects, printOptions(f, query, opts, list)));
}

function printEvents(f: Factory, type: import('../printers/watch-events').WatchEventType, objects: KObject[], query: ResourceQuery, opts: GetOptions): void {
  const { printWatchEvents } = require('../printers/watch-events') as typeof import('../printers/watch-events');
  f.stdout.write(printWatchEvents(type, objects, printOptions(f, query, opts, false)));
}

function printOptions(f: Factory, query: ResourceQuery, opts: GetOptions, list: boolean): import('../printers').PrintOptions {
  const { colourEnabled } = require('../printers/colour') as typeof import('../printers/colour');
  return {
    output: opts.output,
    template: opts.template,
    allowMissingTemplateKeys: opts.allowMissingTemplateKeys,
    noHeaders: !opts.headers,
    showLabels: opts.showLabels,
    labelColumns: opts.labelColumns?.flatMap((l) => l.split(',')).filter(Boolean),
    allNamespaces: opts.allNamespaces,
    sortBy: opts.sortBy,
    kindHeaderPrefix: query.multiKind,
    list,
    now: f.now(),
    colour: colourEnabled(f.stdout, f.env),
  };
}

async function queryFromFiles(f: Factory, opts: GetOptions): Promise<ResourceQuery> {
  const { resolveResource } = require('../api/kinds') as typeof import('../api/kinds');
  const objects = await loadInputObjects(f, opts, { warn: false });
  return { refs: objects.map((o) => ({ kind: resolveResource(o.kind), name: o.metadata.name })), multiKind: new Set(objects.map((o) => o.kind)).size > 1 };
}
