import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { UsageError } from '../../errors';
import { addTemplateFlags, addWaitFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  // The flags every form shares live on `create` itself and the subcommands read them with optsWithGlobals():
  // kctl's global flags may follow the verb, so commander would give a flag defined twice to the parent anyway.
  const create = addWaitFlags(
    addTemplateFlags(program
      .command('create')
      .description('Create resources from files (-f) or from the command line (the subcommands)')
      .option('-f, --filename <path>', 'file, directory or - for stdin (repeatable)', collect)
      .option('-k, --kustomize <dir>', 'a kustomization directory, built as `kctl kustomize DIR` builds it')
      .option('-R, --recursive', 'process the directory used in -f recursively')
      .option('--save-config', 'record the last-applied annotation, for a later kctl apply')
      .option('--dry-run [mode]', 'client|server|none')
      .option('-o, --output <format>', '-f: name; subcommands: the printed object: json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file')),
    'the created Deployments and Pods to be ready',
  ).action(async (opts) => {
    if (!opts.filename?.length && opts.kustomize === undefined) throw new UsageError('must specify one of -f and -k');
    const { createFromFiles } = require('../../ops/create') as typeof import('../../ops/create');
    await createFromFiles(f, opts);
  });
  create
    .command('namespace')
    .alias('ns')
    .description('Create a namespace (one Docker network per namespace)')
    .argument('<name>')
    .action(async (name: string, _opts, cmd) => {
      const { createNamespace } = require('../../ops/create') as typeof import('../../ops/create');
      await createNamespace(f, name, cmd.optsWithGlobals());
    });
  const dataFlags = <C extends Command<[], {}, any>>(cmd: C) =>
    cmd
      .argument('<name>')
      .option('--from-literal <key=value>', 'a key and its value (repeatable)', collect)
      .option('--from-file <[key=]path>', 'a file (key: its name, or the one given) or a directory (one key per file); repeatable', collect)
      .option('--from-env-file <path>', 'KEY=VALUE lines of a file (repeatable)', collect);
  dataFlags(create.command('configmap').alias('cm').description('Create a configmap from literals, files, directories or env files')).action(async (name: string, _opts, cmd) => {
    const { createConfigMap } = require('../../ops/create') as typeof import('../../ops/create');
    await createConfigMap(f, name, cmd.optsWithGlobals());
  });
  const secret = create.command('secret').description('Create a secret: generic or tls');
  dataFlags(secret.command('generic').description('Create a secret from literals, files, directories or env files (values are stored base64-encoded)'))
    .option('--type <type>', 'the secret type (default: Opaque)')
    .action(async (name: string, _opts, cmd) => {
      const { createSecret } = require('../../ops/create') as typeof import('../../ops/create');
      await createSecret(f, name, cmd.optsWithGlobals());
    });
  secret
    .command('tls')
    .description('Create a TLS secret from a PEM certificate and its key (type kubernetes.io/tls: tls.crt, tls.key)')
    .argument('<name>')
    .option('--cert <path>', 'PEM certificate (chain) file')
    .option('--key <path>', 'PEM private key file')
    .action(async (name: string, _opts, cmd) => {
      const { createTlsSecret } = require('../../ops/create') as typeof import('../../ops/create');
      await createTlsSecret(f, name, cmd.optsWithGlobals());
    });
  const service = create.command('service').alias('svc').description('Create a service of a type: clusterip, nodeport, loadbalancer or externalname (label and selector app=NAME)');
  const serviceCommand = (sub: string, type: import('../../ops/create-service').ServiceType, what: string) =>
    service
      .command(sub)
      .description(`Create a ${what} service`)
      .argument('<name>')
      .option('--tcp <port[:targetPort]>', "port pairs, '<port>:<targetPort>' (repeatable, or comma-separated)", collect)
      .action(async (name: string, _opts, cmd) => {
        const { createService } = require('../../ops/create-service') as typeof import('../../ops/create-service');
        await createService(f, type, name, cmd.optsWithGlobals());
      });
  serviceCommand('clusterip', 'ClusterIP', 'ClusterIP').option('--clusterip <ip>', "your own ClusterIP, or 'None' for a headless service (no load balancing)");
  serviceCommand('nodeport', 'NodePort', 'NodePort').option('--node-port <port>', 'the port the service is exposed on, on the node');
  serviceCommand('loadbalancer', 'LoadBalancer', 'LoadBalancer');
  serviceCommand('externalname', 'ExternalName', 'ExternalName').requiredOption('--external-name <name>', 'the external DNS name of the service');
  create
    .command('deployment')
    .alias('deploy')
    .description('Create a deployment with the given image(s): labels and selector app=NAME, as kubectl generates it')
    .argument('<name>')
    .argument('[command...]', 'after --: the container command and its arguments')
    .requiredOption('--image <image>', 'image to run (repeatable: one container each)', collect)
    .option('--replicas <count>', 'number of replicas', '1')
    .option('--port <port>', 'the containerPort of the first container')
    .action(async (name: string, command: string[], _opts, cmd) => {
      const { createDeployment } = require('../../ops/create-deployment') as typeof import('../../ops/create-deployment');
      await createDeployment(f, name, command, cmd.optsWithGlobals());
    });
  create
    .command('cronjob')
    .alias('cj')
    .description('Create a cronjob that runs the image on a schedule, as kubectl generates it')
    .argument('<name>')
    .argument('[command...]', 'after --: the container command and its arguments')
    .option('--image <image>', 'image to run')
    .option('--schedule <cron>', "a cron schedule: '*/5 * * * *', '@hourly'")
    .option('--restart <policy>', 'the pods\' restart policy: OnFailure (default) or Never')
    .action(async (name: string, command: string[], _opts, cmd) => {
      const { createCronJob } = require('../../ops/create-cronjob') as typeof import('../../ops/create-cronjob');
      await createCronJob(f, name, command, cmd.optsWithGlobals());
    });
  create
    .command('job')
    .description('Create a job that runs the image once (restartPolicy Never), or a manual run of a cronjob (--from=cronjob/NAME), as kubectl generates it')
    .argument('<name>')
    .argument('[command...]', 'after --: the container command and its arguments')
    .option('--image <image>', 'image to run')
    .option('--from <cronjob/NAME>', 'the cronjob whose job template to run now (a manual run)')
    .action(async (name: string, command: string[], _opts, cmd) => {
      const { createJob } = require('../../ops/create-job') as typeof import('../../ops/create-job');
      await createJob(f, name, command, cmd.optsWithGlobals());
    });
}
