import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('annotate')
    .description('Add, update (--overwrite) or remove (KEY-) annotations: kctl annotate deployment/web kubernetes.io/change-cause="v2"')
    .argument('<args...>', 'TYPE NAME | TYPE/NAME, then KEY=VALUE or KEY- items')
    .option('--overwrite', 'allow existing annotations to be overwritten')
    .option('-l, --selector <selector>', 'label selector (instead of names)')
    .option('--all', 'every object of the type in the namespace')
    .action(async (args: string[], opts) => {
      const { runAnnotate } = require('../../ops/annotate') as typeof import('../../ops/annotate');
      await runAnnotate(f, args, opts);
    });
}
