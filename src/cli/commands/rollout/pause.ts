import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../../app/factory';
import { addWaitFlags } from '../../shared';

export function register(rollout: Command, f: Factory): void {
  addWaitFlags(
    rollout
      .command('pause')
      .description('Pause a Deployment: template changes start no rollout until it is resumed')
      .argument('[resources...]', 'deployment/NAME or deployment NAME'),
    'the Deployment to settle',
  ).action(async (resources: string[], opts) => {
    const { runPause } = require('../../../ops/rollout/pause') as typeof import('../../../ops/rollout/pause');
    await runPause(f, resources, opts, true);
  });
}
