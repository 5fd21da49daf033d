/** What the verbs that take manifests print per object: kubectl's `TYPE/NAME VERB` lines, or `-o name`. */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { refName } from '../api/kinds';
import { UsageError } from '../errors';

/** apply, create -f and replace print nothing but names with -o: anything else is kubectl's refusal. */
export function checkNameOutput(output: string | undefined): void {
  if (output !== undefined && output !== 'name') throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: name`);
}

/** `deployment.apps/web created` (+ the dry run's suffix), or `deployment.apps/web` with -o name. */
export function writeResult(f: Factory, obj: KObject, verb: string, opts: { output?: string; suffix?: string }): void {
  const ref = refName(obj.kind, obj.metadata.name);
  f.stdout.write(opts.output === 'name' ? `${ref}\n` : `${ref} ${verb}${opts.suffix ?? ''}\n`);
}
