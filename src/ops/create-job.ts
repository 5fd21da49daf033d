/**
 * `kctl create job NAME --image I [-- COMMAND...]`: the object kubectl generates (one container named after
 * the Job, restartPolicy Never, no labels: the API server makes the selector), created and then converged.
 * `--from=cronjob/NAME`: the CronJob's job template, as kubectl copies it (annotated as a manual run, controlled by
 * the CronJob without blocking its deletion).
 */
import { dryRunMode } from './dry-run';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { resolveResource } from '../api/kinds';
import { NotFoundError, UsageError } from '../errors';
import { controllerRef } from '../kinds/ownership';
import { createObject } from './create';
import { convergeTargets } from './converge';

export interface CreateJobOptions {
  image?: string;
  from?: string;
  dryRun?: string | boolean;
  output?: string;
  wait: boolean;
  timeout: string;
}

export async function createJob(f: Factory, name: string, command: string[], opts: CreateJobOptions): Promise<void> {
  if ((opts.image === undefined) === (opts.from === undefined)) throw new UsageError('either --image or --from must be specified');
  const job = opts.from !== undefined ? jobFromCronJob(f, name, opts.from) : imageJob(f, name, opts.image!, command);
  await createObject(f, job, opts);
  if (!dryRunMode(opts.dryRun)) await convergeTargets(f, [{ kind: 'Job', namespace: f.namespace(), name }], opts);
}

function imageJob(f: Factory, name: string, image: string, command: string[]): KObject {
  const container = { name, image, ...(command.length ? { command } : {}) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: f.namespace() },
    spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } },
  };
}

/** kubectl's createJobFromCronJob. */
function jobFromCronJob(f: Factory, name: string, from: string): KObject {
  const [resource, cronJobName] = from.split('/');
  if (!cronJobName || typedKind(resource) !== 'CronJob') throw new UsageError(`from must be an existing cronjob: ${from}`);
  const cronJob = f.store().read().get('CronJob', f.namespace(), cronJobName);
  if (!cronJob) throw new NotFoundError(`cronjobs.batch "${cronJobName}" not found`);
  const { jobFromTemplate, INSTANTIATE } = require('../kinds/cronjob/controller/new-job') as typeof import('../kinds/cronjob/controller/new-job');
  const job = jobFromTemplate(cronJob, name, { ...controllerRef(cronJob) });
  job.metadata.annotations = { [INSTANTIATE]: 'manual', ...job.metadata.annotations };
  return job;
}

/** The kind a typed resource names (`cj`, `cronjobs.batch`), if any. */
function typedKind(resource: string): string | undefined {
  try {
    return resolveResource(resource).kind;
  } catch {
    return undefined;
  }
}
