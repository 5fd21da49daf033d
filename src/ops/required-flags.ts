/** cobra's check of flags marked required, with its message: `required flag(s) "image", "schedule" not set`. */
import { UsageError } from '../errors';

export function requireFlags(opts: object, names: string[]): void {
  const missing = names.filter((name) => (opts as Record<string, unknown>)[name] === undefined);
  if (missing.length) throw new UsageError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}
