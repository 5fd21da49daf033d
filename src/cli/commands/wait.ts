import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { collect } from '../shared';

export function register(program: Command, f: Factory): void {
  program
    .command('wait')
    .description('Wait for conditions on resources, reconciling meanwhile: --for=condition=Available, --for=delete, --for=jsonpath=\'{.status.readyReplicas}\'=3')
    .argument('[resources...]', 'TYPE NAME..., TYPE/NAME..., or TYPE with -l or --all')
    .option('--for <condition>', 'condition=NAME[=VALUE], delete, create or jsonpath={...}[=VALUE]; repeatable, all must hold', collect)
    .option('-l, --selector <selector>', 'label selector')
    .option('--all', 'all resources of the given types in the namespace')
    .option('--timeout <duration>', 'how long to wait (e.g. 30s, 2m; 0 checks once)', '30s')
    .action(async (resources: string[], opts) => {
      const { runWait } = require('../../ops/wait') as typeof import('../../ops/wait');
      await runWait(f, resources, opts);
    });
}
