import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../../app/factory';

export function register(rollout: Command, f: Factory): void {
  rollout
    .command('history')
    .description('List the revisions of a Deployment, or show the pod template of one (--revision)')
    .argument('[resources...]', 'deployment/NAME or deployment NAME')
    .option('--revision <n>', 'show the pod template of this revision')
    .action(async (resources: string[], opts) => {
      const { runHistory } = require('../../../ops/rollout/history') as typeof import('../../../ops/rollout/history');
      await runHistory(f, resources, opts);
    });
}
