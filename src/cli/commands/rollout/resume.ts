import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../../app/factory';
import { addWaitFlags } from '../../shared';

export function register(rollout: Command, f: Factory): void {
  addWaitFlags(
    rollout
      .command('resume')
      .description('Resume a paused Deployment: a pending template change rolls out')
      .argument('[resources...]', 'deployment/NAME or deployment NAME'),
    'the rollout to finish',
  ).action(async (resources: string[], opts) => {
    const { runPause } = require('../../../ops/rollout/pause') as typeof import('../../../ops/rollout/pause');
    await runPause(f, resources, opts, false);
  });
}
