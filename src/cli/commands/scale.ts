import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    program
      .command('scale')
      .description('Set a new size for a Deployment (deployment/web, deployment web, or -f FILE)')
      .argument('[resources...]', 'TYPE NAME or TYPE/NAME')
      .requiredOption('--replicas <count>', 'the new number of replicas')
      .option('--current-replicas <count>', 'precondition: only scale when the current size is this')
      .option('-f, --filename <path>', 'file identifying the resource', collect)
      .option('-R, --recursive', 'process -f directories recursively'),
    'the new size to be ready',
  ).action(async (resources: string[], opts) => {
    const { runScale } = require('../../ops/scale') as typeof import('../../ops/scale');
    await runScale(f, resources, opts);
  });
}
