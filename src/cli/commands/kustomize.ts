import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  program
    .command('kustomize')
    .description('Build a kustomization directory and print the result, as `kustomize build DIR` does (default: the current directory)')
    .argument('[dir]', 'directory holding kustomization.yaml')
    .action(async (dir: string | undefined) => {
      const { runKustomize } = require('../../ops/kustomize') as typeof import('../../ops/kustomize');
      runKustomize(f, dir);
    });
}
