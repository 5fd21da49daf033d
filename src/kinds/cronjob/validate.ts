/**
 * Checks of a CronJob the JSON Schema cannot express (k8s pkg/apis/batch/validation ValidateCronJobCreate): a
 * name that leaves room for the Jobs' suffix, the schedule as the controller parses it, the time zone, and the
 * job template as a Job's spec whose selector is always generated.
 */
import { checkLabelsAndAnnotations } from '../../api/meta-checks';
import { isObj, isString, type Problems } from '../../api/problems';
import type { Json } from '../../api/types';
import { checkJobSpecWithoutSelector } from '../job/validate';
import { isKnownTimeZone } from './schedule/next';
import { parseSchedule, ScheduleError } from './schedule/parse';

/** A Job is named `<cronjob>-<minutes since 1970>`: 11 more characters within a DNS label's 63. */
export const MAX_NAME_LENGTH = 52;
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

export function validate(p: Problems, obj: Json): void {
  const name = isObj(obj.metadata) ? obj.metadata.name : undefined;
  if (isString(name) && name.length > MAX_NAME_LENGTH) p.invalid(['metadata', 'name'], name, [`must be no more than ${MAX_NAME_LENGTH} characters`]);
  const spec = isObj(obj.spec) ? obj.spec : {};
  if (isString(spec.schedule)) checkSchedule(p, spec.schedule);
  if (isString(spec.timeZone)) checkTimeZone(p, spec.timeZone);
  const template = isObj(spec.jobTemplate) ? spec.jobTemplate : {};
  const path = ['spec', 'jobTemplate'];
  if (isObj(template.metadata)) checkLabelsAndAnnotations(p, template.metadata, [...path, 'metadata']);
  const jobSpec = isObj(template.spec) ? template.spec : {};
  checkJobSpecWithoutSelector(p, jobSpec, [...path, 'spec']);
  if (jobSpec.selector !== undefined) p.invalid([...path, 'spec', 'selector'], jobSpec.selector, ['`selector` will be auto-generated']);
  if (jobSpec.manualSelector === true) p.unsupported([...path, 'spec', 'manualSelector'], true, ['nil', 'false']);
}

function checkSchedule(p: Problems, schedule: string): void {
  try {
    parseSchedule(schedule.replace(/^(CRON_)?TZ=\S+\s*/, ''));
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    p.invalid(['spec', 'schedule'], schedule, [e.message]);
  }
  if (schedule.includes('TZ')) p.invalid(['spec', 'schedule'], schedule, ['cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
}

function checkTimeZone(p: Problems, timeZone: string): void {
  const path = ['spec', 'timeZone'];
  if (timeZone === '') return p.invalid(path, timeZone, ['timeZone must be nil or non-empty string']);
  if (timeZone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part))) {
    return p.invalid(path, timeZone, [`unknown time zone ${timeZone}`]);
  }
  if (timeZone.toLowerCase() === 'local') return p.invalid(path, timeZone, ['timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']);
  if (!isKnownTimeZone(timeZone)) p.invalid(path, timeZone, [`unknown time zone ${timeZone}`]);
}
