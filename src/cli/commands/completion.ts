import { Argument, type Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('completion')
    .description('Print a shell completion script: source <(kctl completion bash), or zsh, or fish')
    .addArgument(new Argument('[shell]', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .action((shell: string | undefined) => {
      const { runCompletion } = require('../../ops/completion') as typeof import('../../ops/completion');
      runCompletion(f, shell, program);
    });
}
