import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { collect } from '../shared';

export function register(program: Command, f: Factory): void {
  program
    .command('port-forward')
    .description('Forward local ports to the Ready pods of a Service, Deployment or Pod (svc/web 8080:80) until Ctrl-C')
    .argument('<target>', 'svc/NAME, deployment/NAME or pod/NAME')
    .argument('<ports...>', '[LOCAL_PORT:]REMOTE_PORT; :80 picks a free local port')
    .option('--address <addresses>', 'addresses to listen on, comma separated (localhost = 127.0.0.1)', collect)
    .action(async (target: string, ports: string[], opts) => {
      const { runPortForward } = require('../../ops/port-forward') as typeof import('../../ops/port-forward');
      await runPortForward(f, target, ports, { address: opts.address ?? ['localhost'] });
    });
}
