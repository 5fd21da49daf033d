/** Go's strconv.ParseUint(text, 10, 16), as kubectl parses the port of --port and --tcp, in its words. */
import { UsageError } from '../errors';

export function parseUint16(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`strconv.ParseUint: parsing "${text}": invalid syntax`);
  if (Number(text) > 65535) throw new UsageError(`strconv.ParseUint: parsing "${text}": value out of range`);
  return Number(text);
}
