import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { collect } from '../shared';

export function register(program: Command, f: Factory): void {
  program
    .command('diff')
    .description('Show what apply would change, as a unified diff of the stored objects against the files (exit 0: none, 1: differences, >1: error)')
    .option('-f, --filename <path>', 'file, directory or - for stdin (repeatable)', collect)
    .option('-k, --kustomize <dir>', 'a kustomization directory, built as `kctl kustomize DIR` builds it')
    .option('-R, --recursive', 'process the directory used in -f recursively')
    .action(async (opts) => {
      const { runDiff } = require('../../ops/diff') as typeof import('../../ops/diff');
      const { DiffOutcome } = require('../../errors') as typeof import('../../errors');
      let differences: boolean;
      try {
        differences = await runDiff(f, opts);
      } catch (e) {
        throw new DiffOutcome(e);
      }
      if (differences) throw new DiffOutcome();
    });
}
