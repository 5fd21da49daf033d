import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  const controller = program.command('controller').description('The long-running controller: heals, runs probes, autoscales and serves Service node ports and Ingresses (run | start | stop | status)');
  const withFlags = (cmd: Command) =>
    cmd
      .option('--address <ip>', 'address node ports and the ingress ports listen on (default $KCTL_PROXY_ADDRESS or 127.0.0.1)')
      .option('--ingress-port <port>', 'HTTP port Ingresses are served on (default $KCTL_INGRESS_PORT or 8080)')
      .option('--ingress-tls-port <port>', 'HTTPS port Ingresses with spec.tls are served on (default $KCTL_INGRESS_TLS_PORT or 8443)')
      .option('--resync-period <duration>', 'full reconcile at least this often (Docker events and state changes act at once)', '10s')
      .option('--metrics-interval <duration>', 'how often pod metrics are sampled for autoscaling', '15s');
  withFlags(controller.command('run').description('Run the controller in the foreground until Ctrl-C')).action(async (opts) => {
    const { runController } = require('../../ops/controller/run') as typeof import('../../ops/controller/run');
    await runController(f, opts);
  });
  withFlags(controller.command('start').description('Start the controller in the background (pid and log files next to the state file)')).action(async (opts) => {
    const { startController } = require('../../ops/controller/daemon') as typeof import('../../ops/controller/daemon');
    await startController(f, opts);
  });
  controller
    .command('stop')
    .description('Stop the background controller (SIGTERM); containers keep running')
    .option('--timeout <duration>', 'how long to wait for it to exit', '30s')
    .action(async (opts) => {
      const { stopController } = require('../../ops/controller/daemon') as typeof import('../../ops/controller/daemon');
      await stopController(f, opts);
    });
  controller
    .command('status')
    .description('Whether a controller runs for this state file, and what it serves')
    .action(async () => {
      const { controllerStatus } = require('../../ops/controller/daemon') as typeof import('../../ops/controller/daemon');
      await controllerStatus(f);
    });
}
