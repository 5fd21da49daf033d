import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('explain')
    .description('Describe the fields of a resource from its JSON Schema (deployment, deployment.spec.strategy, ...)')
    .argument('[resource]', 'TYPE or TYPE.FIELD.FIELD...')
    .option('--recursive', 'print the fields of fields, without descriptions')
    .action((resource: string | undefined, opts) => {
      const { runExplain } = require('../../ops/explain') as typeof import('../../ops/explain');
      runExplain(f, resource, opts);
    });
}
