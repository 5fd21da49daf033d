/** spec.podFailurePolicy (pod_failure_policy.go): the first rule a failed pod matches says what its failure means. */
import type { KObject } from '../../../api/types';

export interface PolicyVerdict {
  /** FailJob: why the Job fails. */
  failJob?: string;
  /** False for Ignore: the failure does not count against backoffLimit. */
  countFailed: boolean;
}

export function matchPodFailurePolicy(job: KObject, pod: KObject): PolicyVerdict {
  const rules: any[] = job.spec.podFailurePolicy?.rules ?? [];
  for (const [index, rule] of rules.entries()) {
    const match: { name: string; exitCode?: number } | undefined = rule.onExitCodes ? matchingContainer(pod, rule.onExitCodes) : matchingCondition(pod, rule.onPodConditions ?? []);
    if (!match) continue;
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false };
      case 'Count':
        return { countFailed: true };
      case 'FailJob': {
        const where = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
        const failJob = rule.onExitCodes
          ? `Container ${match.name} for pod ${where} failed with exit code ${match.exitCode} matching FailJob rule at index ${index}`
          : `Pod ${where} has condition ${match.name} matching FailJob rule at index ${index}`;
        return { failJob, countFailed: true };
      }
    }
  }
  return { countFailed: true };
}

/** A terminated container (app containers first, then init) whose non-zero exit code the requirement matches. */
function matchingContainer(pod: KObject, req: { containerName?: string; operator: string; values: number[] }): { name: string; exitCode: number } | undefined {
  for (const statuses of [pod.status?.containerStatuses ?? [], pod.status?.initContainerStatuses ?? []]) {
    for (const s of statuses) {
      const exitCode = s.state?.terminated?.exitCode;
      if (exitCode === undefined || exitCode === 0 || (req.containerName !== undefined && req.containerName !== s.name)) continue;
      if (req.values.includes(exitCode) === (req.operator === 'In')) return { name: s.name, exitCode };
    }
  }
  return undefined;
}

function matchingCondition(pod: KObject, patterns: { type: string; status?: string }[]): { name: string } | undefined {
  for (const c of pod.status?.conditions ?? []) {
    if (patterns.some((p) => p.type === c.type && (p.status ?? 'True') === c.status)) return { name: c.type };
  }
  return undefined;
}
