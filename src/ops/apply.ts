/** `kctl apply`: load and validate everything first, write it in one transaction, then converge. */
import type { Factory } from '../app/factory';
import { refName } from '../api/kinds';
import { KctlError, UsageError } from '../errors';
import { applyObject, checkNamespace, ensureDefaultNamespace, type ApplyResult } from '../store/apply';
import { loadInputObjects } from './load';
import { admitPodSecurity, templateOf } from './admission';
import { convergeTargets } from './converge';
import { dryRunMode } from './dry-run';

export interface ApplyOptions {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  dryRun?: string | boolean;
  output?: string;
  allowPrivileged?: boolean;
  wait: boolean;
  timeout: string;
}

export async function runApply(f: Factory, opts: ApplyOptions): Promise<void> {
  const dryRun = dryRunMode(opts.dryRun);
  if (opts.output !== undefined && opts.output !== 'name') throw new UsageError(`unable to match a printer suitable for the output format "${opts.output}", allowed formats are: name`);
  const objects = await loadInputObjects(f, opts);
  // kubectl's words; without this an empty file went on to reconcile everything.
  if (objects.length === 0) throw new KctlError('no objects passed to apply');
  const { applyDefaults } = require('../api/defaults') as typeof import('../api/defaults');

  const { settleOptIn } = require('../kinds/pod/security/admission') as typeof import('../kinds/pod/security/admission');
  const apply = (state: import('../store/state').State) => {
    ensureDefaultNamespace(state);
    const namespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
    for (const obj of objects) checkNamespace(state, obj, namespaces);
    settleOptIn(state, objects, Boolean(opts.allowPrivileged), templateOf);
    const results = objects.map((obj) => applyObject(state, obj, applyDefaults));
    admitPodSecurity(f, state, objects);
    return results;
  };
  const store = f.store();
  let results: ApplyResult[];
  if (dryRun) results = apply(store.read()); // on a copy: never written
  else results = await store.update(apply);

  objects.forEach((obj, i) => {
    const ref = refName(obj.kind, obj.metadata.name);
    f.stdout.write(opts.output === 'name' ? `${ref}\n` : `${ref} ${results[i]}${dryRun ? ' (dry run)' : ''}\n`);
  });
  if (dryRun) return;
  await convergeTargets(f, objects.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name })), opts);
}
