import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addWaitFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    program
      .command('delete')
      .description('Delete resources by name, file, label selector or --all; cascades to ReplicaSets, Pods and containers')
      .argument('[resources...]', 'TYPE NAME..., TYPE/NAME...')
      .option('-f, --filename <path>', 'files identifying the resources (repeatable)', collect)
      .option('-k, --kustomize <dir>', 'a kustomization directory, built as `kctl kustomize DIR` builds it')
      .option('-R, --recursive', 'process -f directories recursively')
      .option('-l, --selector <selector>', 'label selector')
      .option('--field-selector <selector>', 'field selector (status.phase=Running,metadata.name!=web); each kind has its own fields')
      .option('--all', 'delete all resources of the given types in the namespace')
      .option('-A, --all-namespaces', 'with --all or -l: across all namespaces')
      .option('--ignore-not-found', 'treat "not found" as a successful delete')
      .option('--grace-period <seconds>', "seconds a pod's containers get between SIGTERM and SIGKILL (-1: the pod's own; 0 needs --force)")
      .option('--now', 'a grace period of 1 second')
      .option('--force', 'with no --grace-period (or 0): stop the containers at once, with SIGKILL'),
    'the objects and their containers to be gone',
  ).action(async (resources: string[], opts) => {
    const { runDelete } = require('../../ops/delete') as typeof import('../../ops/delete');
    await runDelete(f, resources, opts);
  });
}
