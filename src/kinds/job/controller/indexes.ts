/** Indexed Jobs (indexed_job_utils.go): each pod's completion index, and status.completedIndexes as intervals ("0-2,4"). */
import type { KObject } from '../../../api/types';
import { COMPLETION_INDEX } from '../labels';

export function isIndexed(job: KObject): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** The pod's index, if it has a valid one for the Job (below completions). */
export function completionIndex(pod: KObject, job: KObject): number | undefined {
  const text = pod.metadata.annotations?.[COMPLETION_INDEX];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const index = Number(text);
  return index < (job.spec.completions ?? 0) ? index : undefined;
}

/** `"1,3-5"` -> {1, 3, 4, 5}; what is not an index or out of range is skipped. */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [first, last = first] = part.split('-').map(Number);
    for (let i = first; i <= Math.min(last, completions - 1); i++) out.add(i);
  }
  return out;
}

/** Sorted intervals, one index alone, longer runs as first-last. */
export function formatIndexes(indexes: Set<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(first === sorted[i] ? String(first) : `${first}-${sorted[i]}`);
  }
  return parts.join(',');
}

/** The lowest `count` indexes that have neither succeeded nor a pod running them. */
export function pendingIndexes(succeeded: Set<number>, activePods: KObject[], job: KObject, count: number): number[] {
  const running = new Set(activePods.map((p) => completionIndex(p, job)));
  const out: number[] = [];
  for (let i = 0; i < (job.spec.completions ?? 0) && out.length < count; i++) if (!succeeded.has(i) && !running.has(i)) out.push(i);
  return out;
}
