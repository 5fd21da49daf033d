/**
 * Colour for human output. Off unless stdout is a terminal; NO_COLOR (any non-empty value) always turns it
 * off; FORCE_COLOR turns it on even when piped (FORCE_COLOR=0 or false turns it off). chalk loads lazily.
 */

export function colourEnabled(out: { isTTY: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return out.isTTY && env.TERM !== 'dumb';
}

type Tone = 'green' | 'yellow' | 'red';

const GREEN = new Set(['Running', 'Completed', 'Succeeded', 'Active', 'Bound', 'True']);
const YELLOW = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'NotReady', 'Unknown']);
const RED = new Set([
  'Error', 'Failed', 'CrashLoopBackOff', 'ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName',
  'OOMKilled', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'ContainerCannotRun',
  'Evicted', 'Lost', 'False',
]);

/** What a STATUS value means: fine, in progress, or broken; undefined for values with no known meaning. */
export function statusTone(status: string): Tone | undefined {
  const s = status.replace(/^Init:/, '');
  if (GREEN.has(s)) return 'green';
  if (RED.has(s) || /^(ExitCode|Signal):/.test(s)) return 'red';
  if (YELLOW.has(s) || /^\d+\/\d+$/.test(s)) return 'yellow';
  return undefined;
}

let painter: import('chalk').Chalk | undefined;

/** The STATUS value wrapped in its colour (ANSI escapes; table layout pads on visible width). */
export function paintStatus(status: string): string {
  const tone = statusTone(status);
  if (!tone) return status;
  if (!painter) {
    const chalk = require('chalk') as typeof import('chalk');
    // The decision to colour was made by colourEnabled; chalk must not second-guess it from the stream.
    painter = new chalk.Instance({ level: 1 });
  }
  return painter[tone](status);
}
