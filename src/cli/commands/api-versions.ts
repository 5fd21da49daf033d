import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('api-versions')
    .description('Print the supported API versions, as group/version (apps/v1, v1, ...)')
    .action(() => {
      const { runApiVersions } = require('../../ops/api-versions') as typeof import('../../ops/api-versions');
      runApiVersions(f);
    });
}
