import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addTemplateFlags, addWaitFlags, collect } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    addTemplateFlags(
      program
        .command('patch')
        .description('Update fields of a resource with a strategic merge patch (default), a JSON merge patch or a JSON patch')
        .argument('[resources...]', 'TYPE NAME or TYPE/NAME (or -f FILE)')
        .option('-p, --patch <patch>', 'the patch, JSON or YAML: \'{"spec":{"replicas":3}}\'')
        .option('--patch-file <file>', 'a file holding the patch')
        .option('--type <type>', 'strategic, merge (RFC 7386) or json (RFC 6902)', 'strategic')
        .option('-f, --filename <path>', 'files identifying the resources (repeatable)', collect)
        .option('-R, --recursive', 'process -f directories recursively')
        .option('--local', 'patch the -f objects and print them; nothing stored changes')
        .option('--dry-run [mode]', 'client|server|none: print what would change without changing anything')
        .option('-o, --output <format>', 'print the patched objects: yaml, json, name, jsonpath=..., go-template=...'),
    ),
    'the patched objects to converge',
  ).action(async (resources: string[], opts) => {
    const { runPatch } = require('../../ops/patch') as typeof import('../../ops/patch');
    await runPatch(f, resources, opts);
  });
}
