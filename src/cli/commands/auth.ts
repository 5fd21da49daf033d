import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  const auth = program.command('auth').description('Inspect authorization: kctl has one user, allowed what kctl does with each kind');
  auth
    .command('can-i')
    .description('Check whether an action is allowed: kctl auth can-i create deployments (yes: exit 0, no: exit 1)')
    .argument('<args...>', 'VERB TYPE or VERB TYPE/NAME')
    .option('-q, --quiet', 'print nothing; the exit code is the answer')
    .option('--subresource <name>', 'a subresource: log, exec, portforward, scale, status')
    .option('-A, --all-namespaces', 'in every namespace (the answer is the same)')
    .action((args: string[], opts) => {
      const { runCanI } = require('../../ops/auth-can-i') as typeof import('../../ops/auth-can-i');
      runCanI(f, args, opts);
    });
}
