/**
 * `kctl state check`: is the state file usable, and does Docker hold containers that it does not know about?
 * Those are what the next reconcile would remove as orphans, so this is the question to ask before any
 * command after a state file was restored from a backup or edited by hand.
 */
import type { Factory } from '../../app/factory';
import { KctlError } from '../../errors';
import { LABEL } from '../../runtime/runtime';
import { objectKey } from '../../store/state';

export async function runStateCheck(f: Factory): Promise<void> {
  const store = f.store();
  const state = store.read(); // a broken file throws StateFileError: exit 1 with the way back as hint
  const problems: string[] = [];
  for (const [key, obj] of Object.entries(state.data.objects)) {
    if (key !== objectKey(obj.kind, obj.metadata?.namespace, obj.metadata?.name)) problems.push(`object stored under ${key} is ${obj.kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}`);
    else if (!obj.metadata.uid) problems.push(`${key} has no uid`);
  }

  const { scopeFor } = require('../../backends/local/scope') as typeof import('../../backends/local/scope');
  const scope = scopeFor(store.path);
  const containers = (await (await f.runtime()).listContainers(scope.labels)).filter((c) => c.labels[LABEL.podUid]);
  const pods = new Set(state.list('Pod').map((p) => p.metadata.uid));
  const unknown = containers.filter((c) => !pods.has(c.labels[LABEL.podUid]));
  if (unknown.length) {
    const podCount = new Set(unknown.map((c) => c.labels[LABEL.podUid])).size;
    problems.push(`${unknown.length} containers of ${podCount} pods that are not in the state: the next reconcile removes them (\`kctl state rebuild --dry-run\` shows what they hold)`);
  }

  const counts = new Map<string, number>();
  for (const o of state.all()) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const summary = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${n} ${kind}`).join(', ');
  f.stdout.write(`state file ${store.path}: format version ${state.data.formatVersion}, ${state.all().length} objects${summary ? ` (${summary})` : ''}\n`);
  f.stdout.write(`Docker (scope ${scope.id}): ${containers.length} containers of ${new Set(containers.map((c) => c.labels[LABEL.podUid])).size} pods\n`);
  if (problems.length) throw new KctlError(problems.join('\n'));
  f.stdout.write('ok\n');
}
