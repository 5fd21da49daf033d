/**
 * `kctl replace -f FILE`: each object in the files takes the place of the stored one as a whole, as an API
 * PUT does: no merge with what other commands set (replicas the file leaves out go back to the default),
 * labels and annotations as the file has them; status, server-set metadata and allocated values (a
 * Service's cluster IP) stay. The object must exist, and a resourceVersion in the file must still be the
 * stored one. `--force` deletes the stored objects, waits until they are gone and creates them anew.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName, resolveResource } from '../api/kinds';
import { KctlError, NotFoundError, UsageError } from '../errors';
import { kindParts } from '../kinds/catalog';
import type { State } from '../store/state';
import { admitPodSecurity } from './admission';
import { convergeTargets } from './converge';
import { createAll } from './create';
import { deleteAndWait, gracePeriod } from './delete';
import { checkNameOutput, writeResult } from './result-lines';
import { desiredUpdate, modifiedConflict } from './desired';
import { dryRunMode, type DryRunFlag } from './dry-run';
import { loadInputObjects } from './load';

export interface ReplaceOptions {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  force?: boolean;
  gracePeriod?: string;
  dryRun?: DryRunFlag;
  output?: string;
  wait: boolean;
  timeout: string;
}

export async function runReplace(f: Factory, opts: ReplaceOptions): Promise<void> {
  if (!opts.filename?.length && opts.kustomize === undefined) throw new UsageError('must specify --filename to replace');
  checkNameOutput(opts.output);
  const dryRun = dryRunMode(opts.dryRun);
  if (opts.gracePeriod !== undefined && !opts.force) throw new UsageError('--grace-period must have --force specified');
  if (opts.force && dryRun) throw new UsageError('--dry-run can not be used when --force is set');
  const objects = (await loadInputObjects(f, opts)).map((o) => kindParts(o.kind)?.apply?.().normalize?.(o) ?? o);
  if (objects.length === 0) throw new KctlError('no objects passed to replace');

  if (opts.force) {
    const refs = objects.map((o) => ({ kind: resolveResource(o.kind), name: o.metadata.name, namespace: o.metadata.namespace }));
    // kubectl's replace takes --grace-period as given (0 included), without delete's --force adjustments.
    const grace = gracePeriod({ gracePeriod: opts.gracePeriod, force: Number(opts.gracePeriod) >= 0 });
    await deleteAndWait(f, refs, grace, { ...opts, ignoreNotFound: true });
  }
  // --force: the deleted objects are gone, so they are created anew as `create -f` creates them.
  const replaceAll = (state: State) => (opts.force ? createAll(f, state, objects, {}) : objects.forEach((obj) => replace(f, state, obj)));
  if (dryRun) replaceAll(f.store().read());
  else await f.store().update(replaceAll);

  for (const obj of objects) writeResult(f, obj, 'replaced', { output: opts.output, suffix: dryRun ? ' (dry run)' : '' });
  if (dryRun) return;
  await convergeTargets(f, objects.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name })), opts);
}

function replace(f: Factory, state: State, obj: KObject): void {
  const live = state.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
  if (!live) throw new NotFoundError(`${pluralName(obj.kind)} "${obj.metadata.name}" not found`);
  if (obj.metadata.resourceVersion !== undefined && obj.metadata.resourceVersion !== live.metadata.resourceVersion) throw modifiedConflict(obj.kind, obj.metadata.name);
  const next = desiredUpdate(live, obj);
  if (!next) return;
  state.put(next);
  admitPodSecurity(f, state, [next]);
}
