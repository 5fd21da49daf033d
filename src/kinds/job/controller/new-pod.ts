/**
 * A pod of a Job (manageJob's pod template): the tracking finalizer, and for Indexed Jobs the completion index as
 * annotation, label, env JOB_COMPLETION_INDEX and hostname `<job>-<index>`, named `<job>-<index>-<random>`.
 */
import type { KObject } from '../../../api/types';
import type { State } from '../../../store/state';
import { podFromTemplate } from '../../replicaset/controller/new-pod';
import { COMPLETION_INDEX, TRACKING_FINALIZER } from '../labels';

const INDEX_ENV = 'JOB_COMPLETION_INDEX';

export function newJobPod(state: State, job: KObject, index: number | undefined, now: Date): KObject {
  const template = structuredClone(job.spec.template ?? {});
  const metadata = (template.metadata ??= {});
  metadata.finalizers = [...(metadata.finalizers ?? []).filter((f: string) => f !== TRACKING_FINALIZER), TRACKING_FINALIZER];
  if (index === undefined) return podFromTemplate(state, job, template, `${job.metadata.name}-`, now);
  metadata.annotations = { ...(metadata.annotations ?? {}), [COMPLETION_INDEX]: String(index) };
  metadata.labels = { ...(metadata.labels ?? {}), [COMPLETION_INDEX]: String(index) };
  const spec = (template.spec ??= {});
  spec.hostname = `${job.metadata.name}-${index}`;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if ((c.env ?? []).some((e: { name: string }) => e.name === INDEX_ENV)) continue;
    c.env = [...(c.env ?? []), { name: INDEX_ENV, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } }];
  }
  return podFromTemplate(state, job, template, `${job.metadata.name}-${index}-`, now);
}
