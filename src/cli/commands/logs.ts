import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('logs')
    .description("Print the logs of a pod's container (POD, TYPE/NAME such as deployment/web, or -l selector)")
    .argument('[target]', 'POD, pod/NAME, deployment/NAME or replicaset/NAME')
    .option('-c, --container <name>', 'the container (default: the only one, or the first)')
    .option('-f, --follow', 'stream the logs until the container stops (Ctrl-C ends)')
    .option('--tail <lines>', 'only the last N lines (-1: all)')
    .option('--since <duration>', 'only lines newer than this, e.g. 5s, 2m, 3h')
    .option('-p, --previous', "the previous run's logs (the container that crashed before the current one)")
    .option('--timestamps', 'prefix each line with its RFC3339 timestamp')
    .option('--all-containers', 'all containers of the pod (init containers first)')
    .option('-l, --selector <selector>', 'all pods matching this label selector')
    .option('--prefix', 'prefix each line with [pod/NAME/CONTAINER] (always on for several sources)')
    .action(async (target: string | undefined, opts) => {
      const { hookInterrupts } = require('../../app/interrupts') as typeof import('../../app/interrupts');
      if (opts.follow) hookInterrupts();
      const { runLogs } = require('../../ops/logs') as typeof import('../../ops/logs');
      await runLogs(f, target, opts);
    });
}
