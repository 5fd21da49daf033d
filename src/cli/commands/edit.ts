import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    program
      .command('edit')
      .description('Edit a resource as YAML in $KUBE_EDITOR, $EDITOR or vi; validated before it is saved')
      .argument('<resources...>', 'TYPE NAME or TYPE/NAME'),
    'the edited object to converge',
  ).action(async (resources: string[], opts) => {
    const { runEdit } = require('../../ops/edit') as typeof import('../../ops/edit');
    await runEdit(f, resources, opts);
  });
}
