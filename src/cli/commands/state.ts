import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  const state = program.command('state').description('Inspect the state file, or rebuild a lost or broken one from Docker');
  state
    .command('check')
    .description('Check that the state file is usable and that Docker has no containers it does not know about')
    .action(async () => {
      const { runStateCheck } = require('../../ops/state/check') as typeof import('../../ops/state/check');
      await runStateCheck(f);
    });
  state
    .command('rebuild')
    .description('Recover the state from the labels of the containers kctl made (the old file is kept as a copy)')
    .option('--force', 'replace a state file that is still readable')
    .option('--dry-run', 'print what would be recovered, write nothing')
    .action(async (opts) => {
      const { runStateRebuild } = require('../../ops/state/rebuild') as typeof import('../../ops/state/rebuild');
      await runStateRebuild(f, opts);
    });
}
