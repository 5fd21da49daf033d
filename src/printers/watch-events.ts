/**
 * kubectl's `get -w --output-watch-events`: changes as watch events. json and yaml print the event
 * (`{type, object}`), a table gets an EVENT column first; the other formats print the objects alone.
 */
import type { KObject } from '../api/types';
import { printObjects, type PrintOptions } from './format';
import { goJSON } from './gojson';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** `objects` that all changed the same way; `opts.noHeaders` false prints the header row (EVENT included). */
export function printWatchEvents(type: WatchEventType, objects: KObject[], opts: PrintOptions): string {
  const output = opts.output ?? '';
  if (output === 'json') return objects.map((object) => goJSON({ type, object }, '    ') + '\n').join('');
  if (output === 'yaml') return objects.map((o) => `object:\n${indent(printObjects([o], { ...opts, list: false }))}type: ${type}\n`).join('---\n');
  const text = printObjects(objects, opts);
  if (output !== '' && output !== 'wide') return text;
  const width = Math.max('EVENT'.length, type.length) + 3;
  let header = !opts.noHeaders;
  return text
    .split('\n')
    .map((line) => {
      if (line === '') {
        header = !opts.noHeaders; // the next kind's table starts with its own header
        return line;
      }
      const cell = header ? 'EVENT' : type;
      header = false;
      return cell.padEnd(width) + line;
    })
    .join('\n');
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '  ');
}
