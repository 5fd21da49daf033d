/**
 * `kctl replace -f FILE`: each object in the files takes the place of the stored one as a whole, as an API
 * PUT does: no merge with what other commands set (replicas the file leaves out go back to the default),
 * labels and annotations as the file has them; status, server-set metadata and allocated values (a
 * Service's cluster IP) stay. The object must exist, and a resourceVersion in the file must still be the
 * stored one. `--force` deletes the stored objects, waits until they are gone and creates them anew.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName, refName, resolveResource } from '../api/kinds';
import { KctlError, NotFoundError, UsageError } from '../errors';
import { kindParts } from '../kinds/catalog';
import { checkNamespace, createFromManifest, ensureDefaultNamespace } from '../store/apply';
import type { State } from '../store/state';
import { admitPodSecurity } from './admission';
import { convergeTargets } from './converge';
import { deleteAndWait, gracePeriod } from './delete';
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
  if (opts.output !== undefined && opts.output !== 'name') throw new UsageError(`unable to match a printer suitable for the output format "${opts.output}", allowed formats are: name`);
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
  const replaceAll = (state: State) => objects.map((obj) => (opts.force ? recreate(f, state, obj) : replace(f, state, obj)));
  if (dryRun) replaceAll(f.store().read());
  else await f.store().update(replaceAll);

  for (const obj of objects) {
    const ref = refName(obj.kind, obj.metadata.name);
    f.stdout.write(opts.output === 'name' ? `${ref}\n` : `${ref} replaced${dryRun ? ' (dry run)' : ''}\n`);
  }
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

function recreate(f: Factory, state: State, obj: KObject): void {
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');
  ensureDefaultNamespace(state);
  checkNamespace(state, obj, new Set());
  createFromManifest(state, obj, applyDefaults);
  admitPodSecurity(f, state, [obj]);
}
