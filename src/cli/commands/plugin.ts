import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { builtinCommands } from '../builtins';

export function register(program: Command, f: Factory): void {
  const plugin = program.command('plugin').description('Plugins: executables named kctl-NAME on PATH run as `kctl NAME`');
  plugin
    .command('list')
    .description('List the kctl-* executables on PATH, with warnings for ones that cannot run or are hidden')
    .option('--name-only', 'print plugin names, not paths')
    .action((opts) => {
      const { listPlugins } = require('../../ops/plugins') as typeof import('../../ops/plugins');
      listPlugins(f, Boolean(opts.nameOnly), builtinCommands(program));
    });
}
