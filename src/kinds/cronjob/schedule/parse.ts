/**
 * The cron schedules a CronJob takes: what the controller's parser (robfig/cron's ParseStandard) accepts, with
 * its error messages, because the API server validates spec.schedule with it. Five fields (minute, hour, day of
 * month, month, day of week) of lists, ranges, steps and names, or a descriptor (@hourly, @every 90s, ...).
 */
import { KctlError } from '../../../errors';

export interface CronFields {
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
  /** A day field written `*` or `?` (a step above 1 does not count): robfig ANDs the day fields only then. */
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
}

/** `@every <duration>`: runs at a constant interval, in whole seconds. */
export interface EverySchedule {
  everyMs: number;
}

export type CronSchedule = CronFields | EverySchedule;

export class ScheduleError extends KctlError {}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = Object.fromEntries(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]));
const DAYS = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, i]));
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Parses a schedule (without the TZ= prefix the API server refuses); throws ScheduleError with robfig's message. */
export function parseSchedule(spec: string): CronSchedule {
  const text = spec.trim();
  if (text === '') throw new ScheduleError('empty spec string');
  if (text.startsWith('@')) return descriptor(text);
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw new ScheduleError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields.map((f, i) => parseField(f, FIELDS[i]));
  return { minute: minute.values, hour: hour.values, dayOfMonth: dayOfMonth.values, month: month.values, dayOfWeek: dayOfWeek.values, dayOfMonthStar: dayOfMonth.star, dayOfWeekStar: dayOfWeek.star };
}

function descriptor(text: string): CronSchedule {
  const known = DESCRIPTORS[text.toLowerCase()];
  if (known) return parseSchedule(known);
  const every = /^@every\s+(.*)$/.exec(text);
  if (!every) throw new ScheduleError(`unrecognized descriptor: ${text}`);
  const ms = goDurationMs(every[1]);
  if (ms === undefined) throw new ScheduleError(`failed to parse duration ${text}: time: invalid duration "${every[1]}"`);
  // robfig rounds the interval down to whole seconds, at least one.
  return { everyMs: Math.max(1000, Math.floor(ms / 1000) * 1000) };
}

/** Go's time.ParseDuration for the units a schedule would use (h, m, s, ms). */
function goDurationMs(text: string): number | undefined {
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2]], 0);
}

function parseField(field: string, bounds: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',')) {
    const range = parseRange(expr, bounds);
    star ||= range.star;
    for (let v = range.start; v <= range.end; v += range.step) values.add(v);
  }
  return { values, star };
}

function parseRange(expr: string, bounds: Bounds): { start: number; end: number; step: number; star: boolean } {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  if (lowAndHigh.length > 2) throw new ScheduleError(`too many hyphens: ${expr}`);
  if (rangeAndStep.length > 2) throw new ScheduleError(`too many slashes: ${expr}`);
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    [start, end, star] = [bounds.min, bounds.max, true];
  } else {
    start = intOrName(lowAndHigh[0], bounds.names);
    end = lowAndHigh.length === 2 ? intOrName(lowAndHigh[1], bounds.names) : start;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1 && !star) end = bounds.max;
    if (step > 1) star = false;
  }
  if (start < bounds.min) throw new ScheduleError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new ScheduleError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new ScheduleError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new ScheduleError(`step of range should be a positive number: ${expr}`);
  return { start, end, step, star };
}

function intOrName(text: string, names?: Record<string, number>): number {
  const named = names?.[text.toLowerCase()];
  return named ?? mustParseInt(text);
}

function mustParseInt(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new ScheduleError(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (n < 0) throw new ScheduleError(`negative number (${n}) not allowed: ${text}`);
  return n;
}
