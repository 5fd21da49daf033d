/**
 * `kctl state check`: is the state file usable, and does Docker hold containers that it does not know about?
 * Those are what the next reconcile would remove as orphans, so this is the question to ask before any
 * command after a state file was restored from a backup or edited by hand.
 */
import type { Factory } from '../../app/factory';
import { KctlError } from '../../errors';
import { objectKey } from '../../store/state';

export async function runStateCheck(f: Factory): Promise<void> {
  const store = f.store();
  const state = store.read(); // a broken file throws StateFileError: exit 1 with the way back as hint
  const problems: string[] = [];
  for (const [key, obj] of Object.entries(state.data.objects)) {
    if (key !== objectKey(obj.kind, obj.metadata?.namespace, obj.metadata?.name)) problems.push(`object stored under ${key} is ${obj.kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}`);
    else if (!obj.metadata.uid) problems.push(`${key} has no uid`);
  }

  const { podBackend } = require('../../app/controller-context') as typeof import('../../app/controller-context');
  const world = await (await podBackend(f)).worldPods();
  const pods = new Set(state.list('Pod').map((p) => p.metadata.uid));
  const unknown = world.containerPods.filter((uid) => !pods.has(uid));
  if (unknown.length) {
    const podCount = new Set(unknown).size;
    problems.push(`${unknown.length} containers of ${podCount} pods that are not in the state: the next reconcile removes them (\`kctl state rebuild --dry-run\` shows what they hold)`);
  }

  const counts = new Map<string, number>();
  for (const o of state.all()) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const summary = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${n} ${kind}`).join(', ');
  f.stdout.write(`state file ${store.path}: format version ${state.data.formatVersion}, ${state.all().length} objects${summary ? ` (${summary})` : ''}\n`);
  f.stdout.write(`${world.where}: ${world.containerPods.length} containers of ${new Set(world.containerPods).size} pods\n`);
  if (problems.length) throw new KctlError(problems.join('\n'));
  f.stdout.write('ok\n');
}
