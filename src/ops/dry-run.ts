/** `--dry-run[=none|client|server]`, kubectl's values and words: client and server both change nothing here. */
import { UsageError } from '../errors';

export type DryRunFlag = string | boolean | undefined;

export function dryRunMode(value: DryRunFlag): boolean {
  if (value === undefined || value === false || value === 'none') return false;
  if (value === true || value === 'client' || value === 'server') return true;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}
