import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    program
      .command('apply')
      .description('Apply a configuration from files, directories or stdin: created, configured or unchanged')
      .option('-f, --filename <path>', 'file, directory or - for stdin (repeatable)', collect)
      .option('-k, --kustomize <dir>', 'a kustomization directory, built as `kctl kustomize DIR` builds it')
      .option('-R, --recursive', 'process the directory used in -f recursively')
      .option('--dry-run [mode]', 'client|server|none: validate and print what would happen without changing anything')
      .option('-o, --output <format>', 'name: print only resource/name')
      .option('--prune', 'delete objects an earlier apply made that these files no longer hold (needs -l or --all)')
      .option('-l, --selector <selector>', 'with --prune: only objects with these labels are candidates')
      .option('--all', 'with --prune: every object of the allowed kinds in the namespaces applied to is a candidate')
      .option('--prune-allowlist <group/version/kind>', 'with --prune: the kinds to prune, e.g. core/v1/ConfigMap (repeatable; default: kubectl\'s list)', collect)
      .option('--server-side', 'apply under a field manager: changing a field another manager applied is a conflict')
      .option('--field-manager <name>', 'the field manager to apply as, with --server-side (default: kubectl)')
      .option('--force-conflicts', 'with --server-side: take over the fields other managers applied')
      .option('--allow-privileged', 'admit pods the namespace\'s Pod Security level refuses (hostPath, privileged, host namespaces...: full access to the host)'),
    'the applied Deployments and Pods to be ready',
  ).action(async (opts) => {
    const { runApply } = require('../../ops/apply') as typeof import('../../ops/apply');
    await runApply(f, opts);
  });
}
