import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('exec')
    .description("Run a command in a pod's container; its exit code becomes kctl's (kctl exec POD -- CMD ...)")
    .argument('<target>', 'POD, pod/NAME or deployment/NAME')
    .argument('[command...]', 'the command and its arguments, after --')
    .option('-c, --container <name>', 'the container (default: the only one, or the first)')
    .option('-i, --stdin', "pass kctl's stdin to the command")
    .option('-t, --tty', 'allocate a terminal (with -i, from a terminal)')
    .action(async (target: string, command: string[], opts) => {
      const { runExec } = require('../../ops/exec') as typeof import('../../ops/exec');
      await runExec(f, target, command, opts);
    });
}
