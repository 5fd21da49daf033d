import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { collect } from '../shared';

export function register(program: Command, f: Factory): void {
  program
    .command('events')
    .description('List events, oldest first: --for TYPE/NAME, --types Normal,Warning, -w to keep watching')
    .option('--for <resource>', 'only the events of this object, TYPE/NAME')
    .option('--types <types>', 'only events of these types, Normal and/or Warning (comma-separated, repeatable)', collect)
    .option('-A, --all-namespaces', 'events of every namespace')
    .option('-o, --output <format>', 'json|yaml|name|jsonpath=...|custom-columns=...')
    .option('--no-headers', 'do not print headers')
    .option('-w, --watch', 'after listing, print new events until interrupted')
    .action(async (opts) => {
      const { runEvents } = require('../../ops/events') as typeof import('../../ops/events');
      await runEvents(f, opts);
    });
}
