import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    program
      .command('debug')
      .description('Add an ephemeral debug container to a running pod (its network, and --target\'s processes): kctl debug -it POD --image=busybox')
      .argument('[pod]', 'POD or pod/POD')
      .argument('[command...]', 'after --: the debug container\'s command')
      .option('--image <image>', 'the debug container\'s image')
      .option('-i, --stdin', 'keep stdin open and attach to the container')
      .option('-t, --tty', 'allocate a terminal (needs -i)')
      .option('-c, --container <name>', 'the debug container\'s name (default: debugger-XXXXX)')
      .option('--target <container>', 'share the processes of this container of the pod')
      .option('--attach', 'attach even without -i')
      .option('-q, --quiet', 'no prompt line when attaching')
      .option('--copy-to <name>', 'refused: kctl debugs pods in place'),
    'the debug container to start',
  ).action(async (pod: string | undefined, command: string[], opts) => {
    const { runDebug } = require('../../ops/debug') as typeof import('../../ops/debug');
    await runDebug(f, pod, command, opts);
  });
}
