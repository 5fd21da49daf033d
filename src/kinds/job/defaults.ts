/** The API server's defaults of a Job (pkg/apis/batch/v1/defaults.go); its pod template gets the pod spec's. */
import type { KObject } from '../../api/types';
import { defaultPodSpec } from '../pod/defaults';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  // Both unset: one pod to run once. Parallelism alone: a work queue, with completions left unset.
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.manualSelector ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const pattern of rule.onPodConditions ?? []) pattern.status ??= 'True';
  const template = (spec.template ??= {});
  const labels = template.metadata?.labels;
  if (labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
  defaultPodSpec((template.spec ??= {}), { restartPolicy: 'Always' });
}
