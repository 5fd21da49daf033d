import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../../app/factory';
import { addWaitFlags } from '../../shared';

export function register(rollout: Command, f: Factory): void {
  addWaitFlags(
    rollout
      .command('restart')
      .description('Replace every pod of a Deployment with a rolling update')
      .argument('[resources...]', 'deployment/NAME or deployment NAME'),
    'the restart to finish',
  ).action(async (resources: string[], opts) => {
    const { runRestart } = require('../../../ops/rollout/restart') as typeof import('../../../ops/rollout/restart');
    await runRestart(f, resources, opts);
  });
}
