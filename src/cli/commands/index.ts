/** Every verb, registered in the order `kctl --help` lists them, by the name its module registers. Each module is thin and loads the rest lazily. */
import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

type Register = (program: Command, f: Factory) => void;

const modules: [command: string, load: () => Register][] = [
  ['apply', () => require('./apply').register],
  ['get', () => require('./get').register],
  ['describe', () => require('./describe').register],
  ['events', () => require('./events').register],
  ['delete', () => require('./delete').register],
  ['scale', () => require('./scale').register],
  ['autoscale', () => require('./autoscale').register],
  ['rollout', () => require('./rollout').register],
  ['set', () => require('./set').register],
  ['annotate', () => require('./annotate').register],
  ['create', () => require('./create').register],
  ['logs', () => require('./logs').register],
  ['exec', () => require('./exec').register],
  ['cp', () => require('./cp').register],
  ['debug', () => require('./debug').register],
  ['port-forward', () => require('./port-forward').register],
  ['top', () => require('./top').register],
  ['reconcile', () => require('./reconcile').register],
  ['controller', () => require('./controller').register],
  ['state', () => require('./state').register],
  ['diff', () => require('./diff').register],
  ['wait', () => require('./wait').register],
  ['label', () => require('./label').register],
  ['expose', () => require('./expose').register],
  ['run', () => require('./run').register],
  ['edit', () => require('./edit').register],
  ['patch', () => require('./patch').register],
  ['replace', () => require('./replace').register],
  ['kustomize', () => require('./kustomize').register],
  ['explain', () => require('./explain').register],
  ['schema', () => require('./schema').register],
  ['api-resources', () => require('./api-resources').register],
  ['api-versions', () => require('./api-versions').register],
  ['auth', () => require('./auth').register],
  ['config', () => require('./config').register],
  ['cluster-info', () => require('./cluster-info').register],
  ['plugin', () => require('./plugin').register],
  ['completion', () => require('./completion').register],
  ['version', () => require('./version').register],
];

/** Verbs that read the whole program: completion scripts list every verb, `plugin list` warns about plugins named like one. */
const WHOLE_PROGRAM = new Set(['completion', 'plugin']);

/**
 * Registers every verb, or only `only` when it names one: a command line that starts with a verb loads just that
 * verb's module (start-up time). Help, completion, plugins and global flags before the verb need them all.
 */
export function registerCommands(program: Command, f: Factory, only?: string): void {
  const one = WHOLE_PROGRAM.has(only ?? '') ? undefined : modules.find(([command]) => command === only);
  for (const [, load] of one ? [one] : modules) load()(program, f);
}
