/**
 * `kctl label`: kubectl's semantics. KEY=VALUE sets, KEY- removes, a different existing value needs
 * --overwrite; objects by name, -l selector or --all; `labeled`, `unlabeled` or `not labeled` per object
 * (kubectl's rule: changed is "labeled", unless without --overwrite the labels only shrank).
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { kindInfo, refName } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { KctlError, UsageError, ValidationError } from '../errors';
import type { State } from '../store/state';
import { checkKeys, resourcesAndPairs, selectObjects } from './metadata-pairs';
import { parseResourceArgs } from './resource-args';

export interface LabelOptions {
  overwrite?: boolean;
  selector?: string;
  all?: boolean;
  list?: boolean;
}

interface LabelChanges {
  set: Map<string, string>;
  remove: string[];
}

export async function runLabel(f: Factory, args: string[], opts: LabelOptions): Promise<void> {
  const { resources, pairs } = resourcesAndPairs(args, 'label');
  if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const changes = parseLabels(pairs, Boolean(opts.list));
  const byQuery = Boolean(opts.selector || opts.all);
  const { refs } = parseResourceArgs(resources, { requireName: !byQuery });
  const selector = opts.selector ? parseSelector(opts.selector) : undefined;
  const namespace = f.namespace();

  const select = (state: State): KObject[] => selectObjects(state, refs, namespace, selector);

  if (opts.list) {
    const objects = select(f.store().read());
    for (const obj of objects) {
      if (objects.length > 1) f.stdout.write(`Listing labels for ${obj.kind}${group(obj.kind)}/${obj.metadata.name}:\n`);
      const indent = objects.length > 1 ? ' ' : '';
      for (const [k, v] of Object.entries(obj.metadata.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) f.stdout.write(`${indent}${k}=${v}\n`);
    }
    return;
  }

  const lines = await f.store().update((state) => {
    const out: string[] = [];
    for (const obj of select(state)) {
      const before = obj.metadata.labels ?? {};
      if (!opts.overwrite) checkNoOverwrite(obj, changes.set);
      const after: Record<string, string> = { ...before, ...Object.fromEntries(changes.set) };
      for (const key of changes.remove) {
        if (!(key in after)) out.push(`label "${key}" not found.`);
        delete after[key];
      }
      const changed = JSON.stringify(sorted(before)) !== JSON.stringify(sorted(after));
      if (changed) {
        obj.metadata.labels = after;
        if (Object.keys(after).length === 0) delete obj.metadata.labels;
        state.put(obj);
      }
      const shrank = Object.keys(after).length < Object.keys(before).length;
      out.push(`${refName(obj.kind, obj.metadata.name)} ${!changed ? 'not labeled' : !opts.overwrite && shrank ? 'unlabeled' : 'labeled'}`);
    }
    return out;
  });
  for (const line of lines) f.stdout.write(`${line}\n`);
}

/** kubectl's parseLabels, with the server's key validation done here. */
function parseLabels(pairs: string[], list: boolean): LabelChanges {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=');
      if (parts.length !== 2) throw new UsageError(`invalid label spec: ${pair}`);
      const { labelValueErrors } = require('../api/names') as typeof import('../api/names');
      const errors = labelValueErrors(parts[1]);
      if (errors.length) throw new ValidationError([`invalid label value: ${JSON.stringify(pair)}: ${errors.join(';')}`]);
      set.set(parts[0], parts[1]);
    } else remove.push(pair.slice(0, -1));
  }
  if (!list && set.size + remove.length === 0) throw new UsageError('at least one label update is required');
  if (remove.some((k) => set.has(k))) throw new UsageError('can not both modify and remove a label in the same command');
  checkKeys(set.keys(), 'labels');
  return { set, remove };
}

function checkNoOverwrite(obj: KObject, set: Map<string, string>): void {
  const clashes: string[] = [];
  for (const [key, value] of set) {
    const current = obj.metadata.labels?.[key];
    if (current !== undefined && current !== value) clashes.push(`'${key}' already has a value (${current}), and --overwrite is false`);
  }
  if (clashes.length) throw new KctlError(clashes.join('\n'));
}

function sorted(labels: Record<string, string>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** `.apps` for Deployment, "" for core kinds: kubectl's `Kind.group/name` header of --list. */
function group(kind: string): string {
  const display = kindInfo(kind).display;
  return display.includes('.') ? display.slice(display.indexOf('.')) : '';
}
