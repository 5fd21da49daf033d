import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { parseBool } from '../shared';

export function register(program: Command, f: Factory): void {
  program
    .command('api-resources')
    .description('Print the supported resource types: names, short names, API versions, kinds')
    .option('-o, --output <format>', 'wide (adds VERBS and CATEGORIES) or name')
    .option('--namespaced [bool]', 'true: only namespaced resources; false: only cluster-wide ones', parseBool('namespaced'))
    .option('--api-group <group>', 'only resources of this API group ("" for the core group)')
    .option('--no-headers', 'do not print headers')
    .action((opts) => {
      const { runApiResources } = require('../../ops/api-resources') as typeof import('../../ops/api-resources');
      runApiResources(f, opts);
    });
}
