import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addTemplateFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  addTemplateFlags(
    program
      .command('get')
      .description('Display one or many resources (TYPE[,TYPE] [NAME...], TYPE/NAME, or all)')
      .argument('[resources...]', 'resource types and names')
      .option('-o, --output <format>', 'wide|yaml|json|name|jsonpath=...|go-template=...|custom-columns=...')
      .option('-l, --selector <selector>', 'label selector (app=web,tier!=db)')
      .option('--field-selector <selector>', 'field selector (status.phase=Running,metadata.name!=web); each kind has its own fields')
      .option('-A, --all-namespaces', 'list across all namespaces')
      .option('-f, --filename <path>', 'identify the resources by file', collect)
      .option('-k, --kustomize <dir>', 'a kustomization directory, built as `kctl kustomize DIR` builds it')
      .option('-R, --recursive', 'process -f directories recursively')
      .option('--no-headers', 'do not print headers')
      .option('--show-labels', 'show all labels as the last column')
      .option('-L, --label-columns <keys>', 'labels to show as columns (comma-separated, repeatable)', collect)
      .option('--sort-by <jsonpath>', 'sort list by this field, e.g. .metadata.name')
      .option('--show-managed-fields', 'keep metadata.managedFields (server-side apply\'s field owners) in json and yaml output')
      .option('--ignore-not-found', 'a named object that does not exist is no error (and prints nothing)')
      .option('-w, --watch', 'after listing, watch for changes')
      .option('--watch-only', 'watch for changes without listing first')
      .option('--output-watch-events', 'with -w: print each change as a watch event (ADDED, MODIFIED, DELETED)'),
  ).action(async (resources: string[], opts) => {
    const { runGet } = require('../../ops/get') as typeof import('../../ops/get');
    await runGet(f, resources, opts);
  });
}
