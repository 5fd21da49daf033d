/** `kctl delete`: mark objects deleted (the garbage collector cascades), then wait until they are gone. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName, kindInfo } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { parseFieldSelector } from '../api/field-selector';
import { fieldFilter } from './list-objects';
import { NotFoundError, UsageError } from '../errors';
import { rfc3339 } from '../api/time';
import type { Target } from '../kinds/converged';
import type { State } from '../store/state';
import { loadInputObjects } from './load';
import { convergeTargets } from './converge';
import { parseResourceArgs, type ResourceRef } from './resource-args';

export interface DeleteOptions {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  ignoreNotFound?: boolean;
  gracePeriod?: string;
  now?: boolean;
  force?: boolean;
  wait: boolean;
  timeout: string;
}

export async function runDelete(f: Factory, args: string[], opts: DeleteOptions): Promise<void> {
  const grace = gracePeriod(opts);
  await deleteAndWait(f, await refsToDelete(f, args, opts), grace, opts);
}

/**
 * Marks the objects `refs` name (or select) deleted, prints each, then waits until they and their dependents
 * are gone. `grace` is a pod grace period already settled by gracePeriod().
 */
export async function deleteAndWait(f: Factory, refs: DeleteRef[], grace: number | undefined, opts: DeleteOptions): Promise<void> {
  const namespace = opts.allNamespaces ? undefined : f.namespace();
  const sel = opts.selector ? parseSelector(opts.selector) : undefined;
  const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
  const { collectGarbage } = require('../controllers/gc') as typeof import('../controllers/gc');

  const { deleted, missing } = await f.store().update((state) => {
    const deleted: KObject[] = [];
    const missing: string[] = [];
    for (const ref of refs) {
      const ns = ref.kind.namespaced ? (ref.namespace ?? namespace) : undefined;
      const found = ref.name !== undefined ? [state.get(ref.kind.kind, ns ?? f.namespace(), ref.name)].filter((o): o is KObject => !!o) : state.list(ref.kind.kind, ns, sel).filter(fieldFilter(ref.kind.kind, fields));
      if (ref.name !== undefined && found.length === 0) missing.push(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
      for (const obj of found) {
        if (obj.kind === 'Namespace' && obj.metadata.name === 'default') throw new UsageError('namespaces "default" is forbidden: this namespace may not be deleted');
        markDeleted(state, obj, f.now(), grace);
        deleted.push(obj);
      }
    }
    collectGarbage(state, f.now());
    return { deleted, missing };
  });
  if (grace === 0) f.stderr.write('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  for (const obj of deleted) f.stdout.write(`${kindInfo(obj.kind).display} "${obj.metadata.name}" ${grace === 0 ? 'force deleted' : 'deleted'}\n`);
  if (deleted.length === 0 && missing.length === 0) f.stderr.write('No resources found\n');
  if (deleted.length) {
    const targets: Target[] = deleted.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, deleted: true, uid: o.metadata.uid }));
    await convergeTargets(f, targets, opts);
  }
  if (missing.length && !opts.ignoreNotFound) throw new NotFoundError(missing.join('\n'));
}

/** The delete itself: a deletion timestamp the controllers and the garbage collector act on. */
export function markDeleted(state: State, obj: KObject, now: Date, grace?: number): void {
  obj.metadata.deletionTimestamp ??= rfc3339(now);
  // As the API server: a second delete may shorten a pod's grace period, never lengthen it.
  if (obj.kind === 'Pod' && grace !== undefined && grace < (obj.metadata.deletionGracePeriodSeconds ?? Infinity)) obj.metadata.deletionGracePeriodSeconds = grace;
  state.put(obj);
}

/**
 * kubectl's grace period rules: --grace-period=-1 (the default) keeps each pod's own; 0 needs --force (else it
 * becomes 1, against accidental data loss); --force alone means 0; --now means 1.
 */
export function gracePeriod(opts: Pick<DeleteOptions, 'gracePeriod' | 'now' | 'force'>): number | undefined {
  let grace = opts.gracePeriod === undefined ? -1 : Number(opts.gracePeriod);
  if (!Number.isInteger(grace)) throw new UsageError(`invalid argument "${opts.gracePeriod}" for "--grace-period" flag: must be an integer number of seconds`);
  if (opts.now) {
    if (grace !== -1) throw new UsageError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !opts.force) grace = 1;
  if (opts.force && grace < 0) grace = 0;
  return grace < 0 ? undefined : grace;
}

export type DeleteRef = ResourceRef & { namespace?: string };

async function refsToDelete(f: Factory, args: string[], opts: DeleteOptions): Promise<DeleteRef[]> {
  if (opts.filename?.length || opts.kustomize !== undefined) {
    if (args.length) throw new UsageError('when -f is given, no resource arguments are taken');
    const objects = await loadInputObjects(f, opts, { warn: false });
    const { resolveResource } = require('../api/kinds') as typeof import('../api/kinds');
    return objects.map((o) => ({ kind: resolveResource(o.kind), name: o.metadata.name, namespace: o.metadata.namespace }));
  }
  const query = parseResourceArgs(args);
  const unnamed = query.refs.filter((r) => r.name === undefined);
  if (unnamed.length && !opts.all && !opts.selector && !opts.fieldSelector) {
    throw new UsageError('resource(s) were provided, but no name was specified', 'name the objects, or use --all, -l or --field-selector');
  }
  return query.refs;
}
