/** `--dry-run[=none|client|server]`, kubectl's values and words: client and server both change nothing here. */
import { UsageError } from '../errors';

export type DryRunFlag = string | boolean | undefined;

/**
 * kubectl's client dry run (`--dry-run=client`, or the bare flag): kubectl sends nothing, so nothing stored is
 * consulted either (a missing namespace, a name taken, admission); the object is only validated and printed.
 */
export function isClientDryRun(value: DryRunFlag): boolean {
  return value === true || value === 'client';
}

export function dryRunMode(value: DryRunFlag): boolean {
  if (value === undefined || value === false || value === 'none') return false;
  if (value === true || value === 'client' || value === 'server') return true;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}
