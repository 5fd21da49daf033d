import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags } from '../shared';

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
}
