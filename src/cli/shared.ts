/** Flag helpers and wiring shared by the command modules (kept light: no heavy imports at load time). */
import type { Command, OptionValues } from '@commander-js/extra-typings';
import { UsageError } from '../errors';

export const DEFAULT_TIMEOUT = '5m';

export function parseBool(flag: string): (value: string | undefined) => boolean {
  return (value) => {
    if (value === undefined || value === 'true') return true;
    if (value === 'false') return false;
    throw new UsageError(`invalid argument "${value}" for "--${flag}" flag: must be true or false`);
  };
}

/** --wait/--timeout, on every command that changes something. */
export function addWaitFlags<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(cmd: Command<Args, Opts, Globals>, what = 'the objects to converge') {
  return cmd
    .option('--wait [bool]', `wait for ${what} (--wait=false returns after one reconcile pass)`, parseBool('wait'), true)
    .option('--timeout <duration>', 'how long to wait (e.g. 30s, 2m)', DEFAULT_TIMEOUT);
}

/** kubectl's template printer flags, beside -o: --template and --allow-missing-template-keys. */
export function addTemplateFlags<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(cmd: Command<Args, Opts, Globals>) {
  return cmd
    .option('--template <template>', 'the template (or file) of -o go-template, go-template-file, jsonpath, jsonpath-file; alone it means -o go-template')
    .option('--allow-missing-template-keys [bool]', 'in templates, a missing field prints nothing or <no value> (false: it is an error)', parseBool('allow-missing-template-keys'), true);
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
