/** The checks of a Pod Security Standards level, in the order Kubernetes' messages list them. */
import type { Level } from './levels';
import { BASELINE_CHECKS } from './checks/baseline';
import { OVERRIDDEN_AT_RESTRICTED, RESTRICTED_CHECKS } from './checks/restricted';
import type { Check, PodSubject, Violation } from './checks/common';

export type { PodSubject, Violation };

const BY_LEVEL: Record<Level, Check[]> = {
  privileged: [],
  baseline: BASELINE_CHECKS,
  restricted: [...BASELINE_CHECKS.filter((c) => !OVERRIDDEN_AT_RESTRICTED.has(c.id)), ...RESTRICTED_CHECKS],
};

/** What the pod (or pod template) breaks at `level`, baseline checks first, each group by check id. */
export function violations(level: Level, subject: PodSubject): Violation[] {
  return BY_LEVEL[level].map((check) => check.run(subject)).filter((v): v is Violation => v !== undefined);
}
