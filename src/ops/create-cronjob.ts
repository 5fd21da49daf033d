/**
 * `kctl create cronjob NAME --image I --schedule S [--restart OnFailure|Never] [-- COMMAND...]`: the object kubectl
 * generates (one container named after the CronJob, its job template named after it too).
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { requireFlags } from './required-flags';
import { createObject, type CreateOptions } from './create';

export interface CreateCronJobOptions extends CreateOptions {
  image?: string;
  schedule?: string;
  restart?: string;
}

export async function createCronJob(f: Factory, name: string, command: string[], opts: CreateCronJobOptions): Promise<void> {
  requireFlags(opts, ['image', 'schedule']);
  // Any other policy is the API server's to refuse, as it refuses Always in a job template.
  const restart = opts.restart ?? 'OnFailure';
  const container = { name, image: opts.image, ...(command.length ? { command } : {}) };
  const cronJob: KObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: f.namespace() },
    spec: {
      jobTemplate: { metadata: { name }, spec: { template: { spec: { containers: [container], restartPolicy: restart } } } },
      schedule: opts.schedule,
    },
  };
  await createObject(f, cronJob, opts);
}
