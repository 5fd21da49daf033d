/**
 * `kctl annotate`: kubectl's semantics — KEY=VALUE sets, KEY- removes, an existing different value needs
 * --overwrite (except kubernetes.io/change-cause, which kubectl always lets through). Annotating what rolls out
 * (a Deployment) runs the object controllers at once, so its change-cause reaches the new ReplicaSet (`rollout history`)
 * without waiting for the next reconcile.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { refName } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { CHANGE_CAUSE } from '../kinds/deployment/controller/annotations';
import { KctlError, UsageError } from '../errors';
import { kindDefinition } from '../kinds/registry';
import { checkKeys, resourcesAndPairs, selectObjects } from './metadata-pairs';
import { parseResourceArgs } from './resource-args';

export interface AnnotateOptions {
  overwrite?: boolean;
  selector?: string;
  all?: boolean;
}

export async function runAnnotate(f: Factory, args: string[], opts: AnnotateOptions): Promise<void> {
  const { resources, pairs } = resourcesAndPairs(args, 'annotation');
  const { set, remove } = parseAnnotations(pairs);
  if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const byQuery = Boolean(opts.selector || opts.all);
  const { refs } = parseResourceArgs(resources, { requireName: !byQuery });
  const sel = opts.selector ? parseSelector(opts.selector) : undefined;
  const ns = f.namespace();

  const annotated = await f.store().update((state) => {
    const objects = selectObjects(state, refs, ns, sel);
    for (const obj of objects) {
      if (!opts.overwrite) checkNoOverwrite(obj, set);
      const annotations = { ...(obj.metadata.annotations ?? {}), ...Object.fromEntries(set) };
      for (const key of remove) delete annotations[key];
      obj.metadata.annotations = annotations;
      state.put(obj);
    }
    if (objects.some((o) => kindDefinition(o.kind)?.rollout)) {
      const { syncObjects } = require('../controllers/manager') as typeof import('../controllers/manager');
      const { hostLimits } = require('../kinds/pod/capacity') as typeof import('../kinds/pod/capacity');
      syncObjects(state, f.now(), hostLimits(f.env));
    }
    return objects.map((o) => refName(o.kind, o.metadata.name));
  });
  for (const ref of annotated) f.stdout.write(`${ref} annotated\n`);
}

function parseAnnotations(pairs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) set.set(pair.slice(0, eq), pair.slice(eq + 1));
    else if (pair.endsWith('-')) remove.push(pair.slice(0, -1));
    else invalid.push(pair);
  }
  if (invalid.length) throw new UsageError(`invalid annotation format: ${invalid.join(', ')}`);
  if (set.size + remove.length === 0) throw new UsageError('at least one annotation update is required');
  const both = remove.filter((k) => set.has(k));
  if (both.length) throw new UsageError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  checkKeys(set.keys(), 'annotations');
  return { set, remove };
}

function checkNoOverwrite(obj: KObject, set: Map<string, string>): void {
  const clashes: string[] = [];
  for (const [key, value] of set) {
    const current = obj.metadata.annotations?.[key];
    if (key !== CHANGE_CAUSE && current !== undefined && current !== value) clashes.push(`'${key}' already has a value (${current})`);
  }
  if (clashes.length) throw new KctlError(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`);
}
