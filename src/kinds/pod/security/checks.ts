/**
 * The checks of a Pod Security Standards level at a policy version, in the order Kubernetes' messages list
 * them: each check from the version that added it, and at restricted the restricted checks in force in place
 * of the baseline checks they replace. `latest` (and any later version) is the newest version kctl knows.
 */
import type { Level } from './levels';
import { BASELINE_CHECKS } from './checks/baseline';
import { RESTRICTED_CHECKS } from './checks/restricted';
import type { Check, PodSubject, Violation } from './checks/common';

export type { PodSubject, Violation };

/** The newest policy version whose checks kctl has: v1.35. */
export const LATEST_MINOR = 35;

/** `latest` or `v1.N` as the minor version the checks read; one later than kctl knows is read as its latest. */
export function policyMinor(version: string): number {
  const minor = /^v1\.(\d+)$/.exec(version)?.[1];
  return minor === undefined ? LATEST_MINOR : Math.min(Number(minor), LATEST_MINOR);
}

function checksAt(level: Level, minor: number): Check[] {
  if (level === 'privileged') return [];
  const restricted = level === 'restricted' ? RESTRICTED_CHECKS.filter((c) => c.since <= minor) : [];
  const replaced = new Set(restricted.flatMap((c) => c.overrides ?? []));
  return [...BASELINE_CHECKS.filter((c) => c.since <= minor && !replaced.has(c.id)), ...restricted];
}

/** What the pod (or pod template) breaks at `level` and `version`, baseline checks first, each group by check id. */
export function violations(level: Level, subject: PodSubject, version = 'latest'): Violation[] {
  const minor = policyMinor(version);
  return checksAt(level, minor)
    .map((check) => check.run(subject, minor))
    .filter((v): v is Violation => v !== undefined);
}
