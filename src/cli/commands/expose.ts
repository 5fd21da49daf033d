import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addTemplateFlags, addWaitFlags } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    addTemplateFlags(program
      .command('expose')
      .description("Expose a deployment (replicaset, pod, service) as a new Service selecting its pods: kctl expose deployment web --port 80")
      .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
      .option('--port <port>', 'the port the service serves on (default: the containers\' ports)')
      .option('--target-port <port>', 'the container port (number or name) traffic goes to (default: --port)')
      .option('--type <type>', 'ClusterIP (default), NodePort or LoadBalancer')
      .option('--name <name>', 'name of the service (default: the name of the exposed object)')
      .option('--protocol <protocol>', 'TCP or UDP', 'TCP')
      .option('--dry-run [mode]', 'client|server|none')
      .option('-o, --output <format>', 'the printed object: json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file')),
    'the service to be set up',
  ).action(async (resources: string[], opts) => {
    const { runExpose } = require('../../ops/expose') as typeof import('../../ops/expose');
    await runExpose(f, resources, opts);
  });
}
