import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    program
      .command('reconcile')
      .description('Make Docker match the state now: replace missing or dead containers, finish rollouts (--watch: keep doing it)')
      .option('--watch', 'keep reconciling until interrupted (Ctrl-C)'),
    'every Deployment and Pod to converge',
  ).action(async (opts) => {
    const { runReconcile } = require('../../ops/reconcile') as typeof import('../../ops/reconcile');
    await runReconcile(f, opts);
  });
}
