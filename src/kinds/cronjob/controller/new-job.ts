/**
 * A Job made from a CronJob's template (the cronjob controller's getJobFromTemplate2): named after the scheduled
 * minute, so one scheduled time makes one Job however often the controller looks; labels and annotations from
 * the template, the scheduled time as an annotation, controlled by the CronJob. It is stored as the API server
 * stores a created Job (its defaults, the generated selector).
 */
import { applyDefaults } from '../../../api/defaults';
import { rfc3339 } from '../../../api/time';
import type { KObject, OwnerReference } from '../../../api/types';
import { createFromManifest } from '../../../store/apply';
import type { State } from '../../../store/state';
import { controllerRef } from '../../ownership';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** What `kctl create job --from=cronjob/NAME` marks its Job with, as kubectl does. */
export const INSTANTIATE = 'cronjob.kubernetes.io/instantiate';

export function jobName(cronJob: KObject, scheduled: Date): string {
  return `${cronJob.metadata.name}-${Math.floor(scheduled.getTime() / 60_000)}`;
}

/** The Job of one scheduled time, stored; returns it as stored. */
export function createScheduledJob(state: State, cronJob: KObject, scheduled: Date): KObject {
  const job = jobFromTemplate(cronJob, jobName(cronJob, scheduled));
  job.metadata.annotations = { ...job.metadata.annotations, [SCHEDULED_TIMESTAMP]: rfc3339(scheduled) };
  createFromManifest(state, job, applyDefaults);
  return state.get('Job', job.metadata.namespace, job.metadata.name)!;
}

/** The Job manifest a CronJob's template gives, controlled by the CronJob. */
export function jobFromTemplate(cronJob: KObject, name: string, owner: OwnerReference = { ...controllerRef(cronJob), blockOwnerDeletion: true }): KObject {
  const template = structuredClone(cronJob.spec.jobTemplate ?? {});
  const meta = template.metadata ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cronJob.metadata.namespace,
      ...(meta.labels ? { labels: meta.labels } : {}),
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
      ownerReferences: [owner],
    },
    spec: template.spec ?? {},
  };
}
