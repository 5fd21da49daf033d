import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../../app/factory';
import { addWaitFlags } from '../../shared';

export function register(rollout: Command, f: Factory): void {
  addWaitFlags(
    rollout
      .command('undo')
      .description('Roll back to the previous revision, or to --to-revision')
      .argument('[resources...]', 'deployment/NAME or deployment NAME')
      .option('--to-revision <n>', 'the revision to roll back to (default: the previous one)'),
    'the rollback to finish',
  ).action(async (resources: string[], opts) => {
    const { runUndo } = require('../../../ops/rollout/undo') as typeof import('../../../ops/rollout/undo');
    await runUndo(f, resources, opts);
  });
}
