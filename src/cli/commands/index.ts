/** Every verb, registered in the order `kctl --help` lists them. Each module is thin and loads the rest lazily. */
import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

type Register = (program: Command, f: Factory) => void;

const modules: Register[] = [
  require('./apply').register,
  require('./get').register,
  require('./describe').register,
  require('./events').register,
  require('./delete').register,
  require('./scale').register,
  require('./autoscale').register,
  require('./rollout').register,
  require('./set').register,
  require('./annotate').register,
  require('./create').register,
  require('./logs').register,
  require('./exec').register,
  require('./cp').register,
  require('./debug').register,
  require('./port-forward').register,
  require('./top').register,
  require('./reconcile').register,
  require('./controller').register,
  require('./state').register,
  require('./diff').register,
  require('./wait').register,
  require('./label').register,
  require('./expose').register,
  require('./run').register,
  require('./edit').register,
  require('./patch').register,
  require('./replace').register,
  require('./kustomize').register,
  require('./explain').register,
  require('./schema').register,
  require('./api-resources').register,
  require('./api-versions').register,
  require('./auth').register,
  require('./config').register,
  require('./cluster-info').register,
  require('./plugin').register,
  require('./completion').register,
  require('./version').register,
];

export function registerCommands(program: Command, f: Factory): void {
  for (const register of modules) register(program, f);
}
