/**
 * `kctl create job NAME --image I [-- COMMAND...]`: the object kubectl generates (one container named after
 * the Job, restartPolicy Never, no labels: the API server makes the selector), created and then converged.
 * `--from=cronjob/NAME` is refused: kctl has no CronJobs.
 */
import { dryRunMode } from './dry-run';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { UsageError } from '../errors';
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
  if (opts.from !== undefined) throw new UsageError(`from must be an existing cronjob: kctl has no cronjobs (${opts.from})`);
  const container = { name, image: opts.image, ...(command.length ? { command } : {}) };
  const job: KObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: f.namespace() },
    spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } },
  };
  await createObject(f, job, opts);
  if (!dryRunMode(opts.dryRun)) await convergeTargets(f, [{ kind: 'Job', namespace: f.namespace(), name }], opts);
}
