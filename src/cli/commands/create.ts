import type { Command } from 'commander';
import type { Factory } from '../factory';

export function register(program: Command, f: Factory): void {
  const create = program.command('create').description('Create a resource from the command line');
  create
    .command('namespace')
    .alias('ns')
    .description('Create a namespace (one Docker network per namespace)')
    .argument('<name>')
    .option('--dry-run [mode]', 'client|server|none')
    .action(async (name: string, opts) => {
      const { createNamespace } = require('../../ops/create') as typeof import('../../ops/create');
      await createNamespace(f, name, opts);
    });
}
