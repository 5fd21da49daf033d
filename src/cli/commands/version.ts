import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('version')
    .description('Print the client version and the Docker engine version')
    .option('--client', 'client version only (no Docker engine needed)')
    .option('-o, --output <format>', 'json or yaml')
    .action(async (opts) => {
      const { runVersion } = require('../../ops/version') as typeof import('../../ops/version');
      await runVersion(f, opts);
    });
}
