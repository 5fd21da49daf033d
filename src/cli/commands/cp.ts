import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('cp')
    .description('Copy files and directories to and from containers: kctl cp POD:/path ./local, kctl cp ./local POD:/path (needs tar in the image)')
    .argument('<src>', '[NAMESPACE/]POD:PATH or a local path')
    .argument('<dest>', '[NAMESPACE/]POD:PATH or a local path')
    .option('-c, --container <name>', 'the container (default: the pod\'s default container)')
    .action(async (src: string, dest: string, opts) => {
      const { runCp } = require('../../ops/cp') as typeof import('../../ops/cp');
      await runCp(f, src, dest, opts);
    });
}
