/**
 * Cron schedules as the cronjob controller reads them (robfig/cron's ParseStandard): the next times of lists,
 * ranges, steps, names and descriptors, the day-of-month / day-of-week OR rule, time zones; its error
 * messages; and which scheduled time is owed after a gap, with the count of missed ones.
 */
import { owedScheduleTime } from '../../src/kinds/cronjob/schedule/missed';
import { nextAfter } from '../../src/kinds/cronjob/schedule/next';
import { parseSchedule } from '../../src/kinds/cronjob/schedule/parse';

/** The next `n` times after `from`, in UTC ISO form. */
function nextTimes(schedule: string, from: string, n: number, zone = 'Etc/UTC'): string[] {
  const parsed = parseSchedule(schedule);
  const out: string[] = [];
  let t = new Date(from);
  for (let i = 0; i < n; i++) {
    t = nextAfter(parsed, t, zone)!;
    out.push(t.toISOString().replace('.000', ''));
  }
  return out;
}

describe('cron schedules', () => {
  test('fields: lists, ranges, steps, names; the next time is strictly after', () => {
    expect(nextTimes('*/15 9-10 * * MON-FRI', '2026-01-02T09:50:00Z', 4)).toEqual(['2026-01-02T10:00:00Z', '2026-01-02T10:15:00Z', '2026-01-02T10:30:00Z', '2026-01-02T10:45:00Z']);
    // Friday 10:45 -> Monday 09:00.
    expect(nextTimes('*/15 9-10 * * MON-FRI', '2026-01-02T10:45:00Z', 1)).toEqual(['2026-01-05T09:00:00Z']);
    expect(nextTimes('5,35 */12 * jan,Dec *', '2025-12-31T12:40:00Z', 3)).toEqual(['2026-01-01T00:05:00Z', '2026-01-01T00:35:00Z', '2026-01-01T12:05:00Z']);
    // "N/step" means N to the maximum.
    expect(nextTimes('50/5 0 * * *', '2026-03-01T00:00:00Z', 3)).toEqual(['2026-03-01T00:50:00Z', '2026-03-01T00:55:00Z', '2026-03-02T00:50:00Z']);
    expect(nextTimes('* * * * *', '2026-01-01T00:00:30.500Z', 2)).toEqual(['2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z']);
  });

  test('day of month OR day of week when both are restricted, AND when either is *', () => {
    // The 13th or any Friday.
    expect(nextTimes('0 0 13 * 5', '2026-02-01T00:00:00Z', 3)).toEqual(['2026-02-06T00:00:00Z', '2026-02-13T00:00:00Z', '2026-02-20T00:00:00Z']);
    expect(nextTimes('0 0 * * 5', '2026-02-01T00:00:00Z', 2)).toEqual(['2026-02-06T00:00:00Z', '2026-02-13T00:00:00Z']);
    // A step over the whole range is no longer "*": the 1st, 3rd, ... or a Sunday.
    expect(nextTimes('0 0 */2 * 0', '2026-02-01T00:00:00Z', 3)).toEqual(['2026-02-03T00:00:00Z', '2026-02-05T00:00:00Z', '2026-02-07T00:00:00Z']);
  });

  test('descriptors, @every, a date that never comes, leap days', () => {
    expect(nextTimes('@hourly', '2026-01-01T00:59:59Z', 2)).toEqual(['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z']);
    expect(nextTimes('@Weekly', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-04T00:00:00Z']);
    expect(nextTimes('@yearly', '2026-06-01T00:00:00Z', 1)).toEqual(['2027-01-01T00:00:00Z']);
    expect(nextTimes('@every 1m30s', '2026-01-01T00:00:10.700Z', 2)).toEqual(['2026-01-01T00:01:40Z', '2026-01-01T00:03:10Z']);
    expect(nextTimes('0 0 29 2 *', '2026-01-01T00:00:00Z', 2)).toEqual(['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']);
    expect(nextAfter(parseSchedule('0 0 30 2 *'), new Date('2026-01-01T00:00:00Z'), 'Etc/UTC')).toBeUndefined();
  });

  test('in a time zone: the wall clock there, across a daylight saving change', () => {
    expect(nextTimes('0 9 * * *', '2026-01-01T00:00:00Z', 1, 'Asia/Kolkata')).toEqual(['2026-01-01T03:30:00Z']);
    // New York: 09:00 is 14:00Z in winter and 13:00Z after the change on 8 March 2026.
    expect(nextTimes('0 9 * * *', '2026-03-06T15:00:00Z', 3, 'America/New_York')).toEqual(['2026-03-07T14:00:00Z', '2026-03-08T13:00:00Z', '2026-03-09T13:00:00Z']);
  });

  test("refused with robfig's messages", () => {
    const error = (s: string) => {
      try {
        parseSchedule(s);
        return 'parsed';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(error('')).toBe('empty spec string');
    expect(error('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(error('60 * * * *')).toBe('end of range (60) above maximum (59): 60');
    expect(error('0 0 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(error('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(error('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(error('1-2-3 * * * *')).toBe('too many hyphens: 1-2-3');
    expect(error('*/2/3 * * * *')).toBe('too many slashes: */2/3');
    expect(error('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(error('* * * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(error('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    expect(error('@every soon')).toBe('failed to parse duration @every soon: time: invalid duration "soon"');
  });
});

describe('the scheduled time owed', () => {
  const every5 = parseSchedule('*/5 * * * *');
  const at = (iso: string) => new Date(iso);

  test('none before the first time; the latest one after a gap, with how many were missed', () => {
    expect(owedScheduleTime(every5, at('2026-01-01T00:00:00Z'), at('2026-01-01T00:04:59Z'), 'Etc/UTC')).toEqual({ missed: 0 });
    expect(owedScheduleTime(every5, at('2026-01-01T00:00:00Z'), at('2026-01-01T00:05:00Z'), 'Etc/UTC')).toEqual({ time: at('2026-01-01T00:05:00Z'), missed: 1 });
    expect(owedScheduleTime(every5, at('2026-01-01T00:00:00Z'), at('2026-01-01T00:17:00Z'), 'Etc/UTC')).toEqual({ time: at('2026-01-01T00:15:00Z'), missed: 3 });
  });

  test('more than 100 missed: still the latest one, and the count says so', () => {
    const owed = owedScheduleTime(every5, at('2026-01-01T00:00:00Z'), at('2026-01-03T01:02:00Z'), 'Etc/UTC');
    expect(owed.time).toEqual(at('2026-01-03T01:00:00Z'));
    expect(owed.missed).toBeGreaterThan(100);
  });
});
