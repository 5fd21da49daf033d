import { UsageError } from '../errors';

/** Go-style durations as kubectl takes them: `30s`, `2m`, `1h30m`, `500ms`; a bare number is seconds. */
export function parseDuration(text: string, flag = '--timeout'): number {
  const t = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (const m of t.matchAll(re)) {
    if (m.index !== consumed) break;
    consumed += m[0].length;
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  }
  if (!t || consumed !== t.length) throw new UsageError(`invalid argument "${text}" for "${flag}" flag: time: invalid duration "${text}"`);
  return total;
}
