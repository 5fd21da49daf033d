import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  const create = program.command('create').description('Create a resource from the command line');
  create
    .command('namespace')
    .alias('ns')
    .description('Create a namespace (one Docker network per namespace)')
    .argument('<name>')
    .option('--dry-run [mode]', 'client|server|none')
    .option('-o, --output <format>', 'yaml|json|name: print the object')
    .action(async (name: string, opts) => {
      const { createNamespace } = require('../../ops/create') as typeof import('../../ops/create');
      await createNamespace(f, name, opts);
    });
  const dataFlags = (cmd: Command) =>
    cmd
      .argument('<name>')
      .option('--from-literal <key=value>', 'a key and its value (repeatable)', collect)
      .option('--from-file <[key=]path>', 'a file (key: its name, or the one given) or a directory (one key per file); repeatable', collect)
      .option('--from-env-file <path>', 'KEY=VALUE lines of a file (repeatable)', collect)
      .option('--dry-run [mode]', 'client|server|none')
      .option('-o, --output <format>', 'yaml|json|name: print the object');
  dataFlags(create.command('configmap').alias('cm').description('Create a configmap from literals, files, directories or env files')).action(async (name: string, opts) => {
    const { createConfigMap } = require('../../ops/create') as typeof import('../../ops/create');
    await createConfigMap(f, name, opts);
  });
  const secret = create.command('secret').description('Create a secret (kctl supports the generic kind)');
  dataFlags(secret.command('generic').description('Create a secret from literals, files, directories or env files (values are stored base64-encoded)'))
    .option('--type <type>', 'the secret type', 'Opaque')
    .action(async (name: string, opts) => {
      const { createSecret } = require('../../ops/create') as typeof import('../../ops/create');
      await createSecret(f, name, opts);
    });
  addWaitFlags(
    create
      .command('deployment')
      .alias('deploy')
      .description('Create a deployment with the given image(s): labels and selector app=NAME, as kubectl generates it')
      .argument('<name>')
      .argument('[command...]', 'after --: the container command and its arguments')
      .requiredOption('--image <image>', 'image to run (repeatable: one container each)', collect)
      .option('--replicas <count>', 'number of replicas', '1')
      .option('--port <port>', 'the containerPort of the first container')
      .option('--dry-run [mode]', 'client|server|none')
      .option('-o, --output <format>', 'yaml|json|name: print the object'),
    'the deployment to be ready',
  ).action(async (name: string, command: string[], opts) => {
    const { createDeployment } = require('../../ops/create-deployment') as typeof import('../../ops/create-deployment');
    await createDeployment(f, name, command, opts);
  });
}
