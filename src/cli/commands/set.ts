import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags, collect, parseBool } from '../shared';

export function register(program: Command, f: Factory): void {
  const set = program.command('set').description('Set specific features on objects');
  addWaitFlags(
    set
      .command('image')
      .description('Update container images of a Deployment: kctl set image deployment/web web=kctl-demo/web:v2 (* = every container)')
      .argument('<args...>', 'TYPE NAME | TYPE/NAME, then CONTAINER=IMAGE pairs'),
    'the rollout to finish',
  ).action(async (args: string[], opts) => {
    const { runSetImage } = require('../../ops/set-image') as typeof import('../../ops/set-image');
    await runSetImage(f, args, opts);
  });
  addWaitFlags(
    set
      .command('env')
      .description('Update environment variables of pod templates: kctl set env deployment/web KEY=VALUE OTHER- (--from=configmap/NAME, --list)')
      .argument('<args...>', 'TYPE NAME | TYPE/NAME, then KEY=VALUE or KEY- items')
      .option('-e, --env <KEY=VALUE>', 'a variable to set (repeatable)', collect)
      .option('--from <source>', 'configmap/NAME or secret/NAME: one variable per key, read from it')
      .option('--prefix <prefix>', 'prefix the names of the variables --from adds')
      .option('--keys <key>', 'with --from: only these keys (repeatable)', collect)
      .option('-c, --containers <names>', 'the containers to change: names or globs, comma-separated', '*')
      .option('--list', 'print the variables instead of changing them')
      .option('--overwrite [bool]', 'replace variables that already have another value', parseBool('overwrite'), true),
    'the rollout to finish',
  ).action(async (args: string[], opts) => {
    const { runSetEnv } = require('../../ops/set-env') as typeof import('../../ops/set-env');
    await runSetEnv(f, args, opts);
  });
  addWaitFlags(
    set
      .command('resources')
      .description('Update the compute resources of pod-template containers: kctl set resources deployment/web --limits=cpu=200m,memory=512Mi')
      .argument('<resources...>', 'TYPE NAME | TYPE/NAME')
      .option('--limits <list>', 'NAME=QUANTITY pairs, comma-separated: cpu=200m,memory=512Mi')
      .option('--requests <list>', 'NAME=QUANTITY pairs, comma-separated: cpu=100m,memory=256Mi')
      .option('-c, --containers <names>', 'the containers to change: names or globs, comma-separated', '*'),
    'the rollout to finish',
  ).action(async (resources: string[], opts) => {
    const { runSetResources } = require('../../ops/set-resources') as typeof import('../../ops/set-resources');
    await runSetResources(f, resources, opts);
  });
  addWaitFlags(
    set
      .command('serviceaccount')
      .alias('sa')
      .description('Record the service account of pod templates (ignored on one host): kctl set serviceaccount deployment/web builder')
      .argument('<args...>', 'TYPE NAME | TYPE/NAME, then the service account'),
    'the rollout to finish',
  ).action(async (args: string[], opts) => {
    const { runSetServiceAccount } = require('../../ops/set-serviceaccount') as typeof import('../../ops/set-serviceaccount');
    await runSetServiceAccount(f, args, opts);
  });
}
