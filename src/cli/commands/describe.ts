import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('describe')
    .description('Show details of a resource or group of resources, with their events')
    .argument('<resources...>', 'TYPE [NAME...] or TYPE/NAME')
    .option('-l, --selector <selector>', 'label selector')
    .option('-A, --all-namespaces', 'across all namespaces')
    .action(async (resources: string[], opts) => {
      const { runDescribe } = require('../../ops/describe') as typeof import('../../ops/describe');
      await runDescribe(f, resources, opts);
    });
}
