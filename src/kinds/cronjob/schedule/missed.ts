/**
 * Which scheduled time a CronJob owes a Job for now (the cronjob controller's mostRecentScheduleTime): the latest
 * one after its last schedule (or its creation), no earlier than startingDeadlineSeconds ago; and how many were
 * missed, because more than 100 gets a warning, as in Kubernetes.
 */
import { nextAfter } from './next';
import type { CronSchedule } from './parse';

export const MANY_MISSED = 100;

export interface Owed {
  /** The latest scheduled time not yet run, at or before now. */
  time?: Date;
  missed: number;
}

export function owedScheduleTime(schedule: CronSchedule, earliest: Date, now: Date, timeZone?: string): Owed {
  let t = nextAfter(schedule, earliest, timeZone);
  if (!t || t > now) return { missed: 0 };
  let missed = 1;
  for (;;) {
    const next = nextAfter(schedule, t, timeZone);
    if (!next || next > now) return { time: t, missed };
    if (missed > MANY_MISSED) return { time: latestBefore(schedule, now, timeZone) ?? t, missed };
    t = next;
    missed++;
  }
}

/** The last scheduled time at or before now, looked for in windows that double back from now. */
function latestBefore(schedule: CronSchedule, now: Date, timeZone?: string): Date | undefined {
  for (let window = 60_000; window < 10 * 366 * 86_400_000; window *= 2) {
    let t = nextAfter(schedule, new Date(now.getTime() - window), timeZone);
    if (!t || t > now) continue;
    for (let next = nextAfter(schedule, t, timeZone); next && next <= now; next = nextAfter(schedule, t, timeZone)) t = next;
    return t;
  }
  return undefined;
}
