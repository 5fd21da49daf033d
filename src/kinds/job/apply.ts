/**
 * What the API server does to a Job beyond the shared merge (pkg/registry/batch/job/strategy.go): on create it
 * gives the Job its uid and, unless spec.manualSelector, generates the selector and the template labels from it;
 * on updates the selector and those labels stay, as the manifest never sets them.
 */
import { randomUUID } from 'crypto';
import type { KObject } from '../../api/types';
import { CONTROLLER_UID, JOB_NAME, LEGACY_CONTROLLER_UID, LEGACY_JOB_NAME } from './labels';

const GENERATED_LABELS = [LEGACY_JOB_NAME, JOB_NAME, LEGACY_CONTROLLER_UID, CONTROLLER_UID];

export function prepareForCreate(job: KObject): void {
  if (job.spec.manualSelector === true) return;
  const uid = (job.metadata.uid ??= randomUUID());
  const template = (job.spec.template ??= {});
  const labels: Record<string, string> = ((template.metadata ??= {}).labels ??= {});
  // Labels the user set already are kept: validation refuses them if they do not match.
  labels[LEGACY_JOB_NAME] ??= job.metadata.name;
  labels[JOB_NAME] ??= job.metadata.name;
  labels[LEGACY_CONTROLLER_UID] ??= uid;
  labels[CONTROLLER_UID] ??= uid;
  const selector = (job.spec.selector ??= {});
  (selector.matchLabels ??= {})[CONTROLLER_UID] ??= uid;
  // The defaults copy the template's labels to a Job without labels; read back, it has the generated ones too.
  if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
}

export function keepAllocated(wanted: KObject, live: KObject, next: KObject): void {
  if (!next.spec || live.spec?.manualSelector === true) return;
  if (wanted.spec?.selector === undefined && live.spec?.selector !== undefined) next.spec.selector = structuredClone(live.spec.selector);
  const liveLabels: Record<string, string> = live.spec?.template?.metadata?.labels ?? {};
  const template = (next.spec.template ??= {});
  const labels: Record<string, string> = ((template.metadata ??= {}).labels ??= {});
  for (const key of GENERATED_LABELS) if (liveLabels[key] !== undefined) labels[key] ??= liveLabels[key];
}
