/**
 * The API server's defaults of a CronJob (pkg/apis/batch/v1/defaults.go). Its job template's pod spec gets the
 * pod defaults; the Job fields (completions, backoffLimit, ...) are defaulted on each Job made from it.
 */
import type { KObject } from '../../api/types';
import { defaultPodSpec } from '../pod/defaults';

export function defaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const template = (((spec.jobTemplate ??= {}).spec ??= {}).template ??= {});
  defaultPodSpec((template.spec ??= {}), { restartPolicy: 'Always' });
}
