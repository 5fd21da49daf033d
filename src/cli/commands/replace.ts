import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    program
      .command('replace')
      .description('Replace stored objects by the ones in files, as a whole (no merge); --force deletes and re-creates them')
      .option('-f, --filename <path>', 'files holding the objects (repeatable; - for stdin)', collect)
      .option('-k, --kustomize <dir>', 'a kustomization directory, built as `kctl kustomize DIR` builds it')
      .option('-R, --recursive', 'process -f directories recursively')
      .option('--force', 'delete the objects, wait until they are gone, then create them')
      .option('--grace-period <seconds>', 'with --force: seconds the pods get to stop (-1: their own)')
      .option('--dry-run [mode]', 'client|server|none: print what would happen without changing anything')
      .option('-o, --output <format>', 'name: print only TYPE/NAME'),
    'the replaced objects to converge',
  ).action(async (opts) => {
    const { runReplace } = require('../../ops/replace') as typeof import('../../ops/replace');
    await runReplace(f, opts);
  });
}
