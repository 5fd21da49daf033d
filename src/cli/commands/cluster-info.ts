import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('cluster-info')
    .description('Show the Docker engine kctl drives and whether the controller runs (exit 1 when the engine is unreachable)')
    .action(async () => {
      const { runClusterInfo } = require('../../ops/cluster-info') as typeof import('../../ops/cluster-info');
      await runClusterInfo(f);
    });
}
