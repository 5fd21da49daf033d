import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('label')
    .description('Add, update (--overwrite) or remove (KEY-) labels: kctl label deployment/web tier=front')
    .argument('<args...>', 'TYPE NAME | TYPE/NAME, then KEY=VALUE or KEY- items')
    .option('--overwrite', 'allow existing labels to be overwritten')
    .option('-l, --selector <selector>', 'label selector (instead of names)')
    .option('--all', 'every object of the type in the namespace')
    .option('--list', 'print the labels of the objects instead of changing them')
    .action(async (args: string[], opts) => {
      const { runLabel } = require('../../ops/label') as typeof import('../../ops/label');
      await runLabel(f, args, opts);
    });
}
