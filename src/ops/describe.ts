/** `kctl describe`: the printers' describe view with related objects and events from the state. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { pluralName } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { NotFoundError } from '../errors';
import { parseResourceArgs } from './resource-args';
import { listObjects } from './list-objects';

export async function runDescribe(f: Factory, args: string[], opts: { selector?: string; allNamespaces?: boolean }): Promise<void> {
  const query = parseResourceArgs(args);
  const state = f.store().read();
  const ns = opts.allNamespaces ? undefined : f.namespace();
  const sel = opts.selector ? parseSelector(opts.selector) : undefined;
  const objects: KObject[] = [];
  const missing: string[] = [];
  for (const ref of query.refs) {
    const inNs = ref.kind.namespaced ? ns : undefined;
    if (ref.name === undefined) objects.push(...(await listObjects(f, state, ref.kind.kind, inNs, sel)));
    else {
      const all = await listObjects(f, state, ref.kind.kind, inNs);
      const matches = all.filter((o) => o.metadata.name === ref.name);
      // kubectl describe matches by name prefix when there is no exact match
      const found = matches.length ? matches : all.filter((o) => o.metadata.name.startsWith(ref.name!));
      if (found.length) objects.push(...found);
      else missing.push(`${pluralName(ref.kind.kind)} "${ref.name}" not found`);
    }
  }
  const { describe } = require('../printers') as typeof import('../printers');
  const texts = objects.map((obj) =>
    describe(obj, {
      events: state.eventsFor(obj),
      pods: state.list('Pod', obj.metadata.namespace),
      replicaSets: state.list('ReplicaSet', obj.metadata.namespace),
      endpoints: state.list('Endpoints', obj.metadata.namespace),
      services: state.list('Service', obj.metadata.namespace),
      now: f.now(),
    }),
  );
  f.stdout.write(texts.join('\n\n'));
  if (objects.length === 0 && missing.length === 0) f.stderr.write(ns ? `No resources found in ${ns} namespace.\n` : 'No resources found\n');
  if (missing.length) throw new NotFoundError(missing.join('\n'));
}
