import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('schema')
    .description('Print the JSON Schema of a kind, self-contained, for editors (yaml-language-server)')
    .argument('[type]', 'deployment, service, pod, configmap, ...')
    .action((type: string | undefined) => {
      const { runSchema } = require('../../ops/schema') as typeof import('../../ops/schema');
      runSchema(f, type);
    });
}
