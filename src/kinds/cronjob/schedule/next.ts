/**
 * When a schedule fires next, on the wall clock of a time zone (spec.timeZone, else this machine's, as the
 * controller manager's own zone is the default in Kubernetes). The search steps a day, an hour or a minute at a
 * time while a field does not match, and gives up after five years (a day that never comes, like Feb 30).
 */
import type { CronFields, CronSchedule } from './parse';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SEARCH_LIMIT_MS = 5 * 366 * 24 * HOUR;

interface WallClock {
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

/** The first time strictly after `after` that the schedule fires; undefined if it never does. */
export function nextAfter(schedule: CronSchedule, after: Date, timeZone?: string): Date | undefined {
  // robfig: an interval counts from the last run, dropping its fraction of a second.
  if ('everyMs' in schedule) return new Date(Math.floor(after.getTime() / 1000) * 1000 + schedule.everyMs);
  const clock = wallClock(timeZone);
  let t = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  const limit = t + SEARCH_LIMIT_MS;
  while (t < limit) {
    const w = clock(t);
    if (!schedule.month.has(w.month) || !dayMatches(schedule, w)) t += (24 - w.hour) * HOUR - w.minute * MINUTE;
    else if (!schedule.hour.has(w.hour)) t += HOUR - w.minute * MINUTE;
    else if (!schedule.minute.has(w.minute)) t += MINUTE;
    else return new Date(t);
  }
  return undefined;
}

/** robfig's dayMatches: both day fields must match when either is `*`, else either may. */
function dayMatches(s: CronFields, w: WallClock): boolean {
  const dom = s.dayOfMonth.has(w.day);
  const dow = s.dayOfWeek.has(w.weekday);
  return s.dayOfMonthStar || s.dayOfWeekStar ? dom && dow : dom || dow;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function wallClock(timeZone?: string): (t: number) => WallClock {
  if (timeZone === undefined) {
    return (t) => {
      const d = new Date(t);
      return { month: d.getMonth() + 1, day: d.getDate(), weekday: d.getDay(), hour: d.getHours(), minute: d.getMinutes() };
    };
  }
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric' });
  return (t) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    return { month: Number(parts.month), day: Number(parts.day), weekday: WEEKDAYS[parts.weekday], hour: Number(parts.hour), minute: Number(parts.minute) };
  };
}

/** Whether Node knows the IANA zone (Go's time.LoadLocation does the same check for the API server). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
