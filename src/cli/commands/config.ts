import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  const config = program.command('config').description('Docker contexts as kubectl contexts: current-context, get-contexts, use-context');
  const ops = () => require('../../ops/config') as typeof import('../../ops/config');
  config
    .command('current-context')
    .description('Print the context kctl uses: --context, DOCKER_HOST (default), DOCKER_CONTEXT or the Docker CLI\'s current one')
    .action(() => ops().runCurrentContext(f));
  config
    .command('get-contexts')
    .description('List the Docker contexts; * marks the one in use')
    .argument('[names...]', 'only these contexts')
    .option('-o, --output <format>', 'name: the names only')
    .option('--no-headers', 'do not print headers')
    .action((names: string[], opts) => ops().runGetContexts(f, names, opts));
  config
    .command('use-context')
    .description("Make a context the Docker CLI's current one (as docker context use does)")
    .argument('<name>', 'a context name, or default')
    .action((name: string) => ops().runUseContext(f, name));
}
