/** A Job that has run to completion, as `kctl wait` names it when a condition can no longer come: Complete or Failed. */
import type { KObject } from '../../api/types';
import { Complete, Failed, hasTrueCondition } from './controller/conditions';

export function finishedJob(job: KObject): string | undefined {
  return [Complete, Failed].find((type) => hasTrueCondition(job, type));
}
