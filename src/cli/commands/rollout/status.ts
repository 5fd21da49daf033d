import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../../app/factory';
import { parseBool } from '../../shared';

export function register(rollout: Command, f: Factory): void {
  rollout
    .command('status')
    .description('Show the status of a rollout, and drive it to the end when no controller process runs')
    .argument('[resources...]', 'deployment/NAME or deployment NAME')
    .option('-w, --watch [bool]', 'watch the rollout until it finishes (--watch=false: print the status once)', parseBool('watch'), true)
    .option('--timeout <duration>', 'how long to wait before giving up (0: forever)', '0s')
    .option('--revision <n>', 'pin to a revision; fail when the running revision is another one')
    .option('--auto-rollback', 'when the rollout fails (progress deadline, crash loop), undo it to the latest completed revision and exit 6 (the Deployment annotation kctl.io/auto-rollback="true" makes every kctl do so)')
    .action(async (resources: string[], opts) => {
      const { runRolloutStatus } = require('../../../ops/rollout/status') as typeof import('../../../ops/rollout/status');
      await runRolloutStatus(f, resources, opts);
    });
}
