/** The pieces every Pod Security check is written with, worded exactly as pod-security-admission words them. */

/** A pod, or a workload's pod template: what the checks read. */
export interface PodSubject {
  metadata?: { annotations?: Record<string, string> };
  spec?: any;
}

export interface Violation {
  reason: string;
  detail?: string;
}

export interface Check {
  id: string;
  /** The policy version (1.N: N) from which the check applies. */
  since: number;
  /** At restricted: the baseline checks this one replaces. */
  overrides?: string[];
  /** The result when the subject breaks the check, as the check reads at policy version 1.`minor`. */
  run(subject: PodSubject, minor: number): Violation | undefined;
}

/** `"a", "b"`: plain quotes, no escaping. */
export function joinQuote(items: string[]): string {
  return items.length ? `"${items.join('", "')}"` : '';
}

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** `container "a"` or `containers "a", "b"`. */
export function containersPhrase(names: string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/** Unique values in byte order, as Go's string sets list them. */
export function sortedSet(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Init containers, then containers, then ephemeral containers: the order every list of names keeps. */
export function containersOf(spec: any): any[] {
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])].filter((c) => c && typeof c === 'object');
}

/** The names of the containers for which `bad` holds, in visit order. */
export function containersWhere(spec: any, bad: (c: any) => boolean): string[] {
  return containersOf(spec).filter(bad).map((c) => String(c.name));
}

export function podContext(spec: any): any {
  return spec?.securityContext ?? {};
}

/** `spec.hostUsers: false`: the pod runs in a user namespace, so root inside is not root on the host. */
export function inUserNamespace(spec: any): boolean {
  return spec?.hostUsers === false;
}

export function isWindows(spec: any): boolean {
  return spec?.os?.name === 'windows';
}

/** `pod`, `pod and container "a"`, `containers "a", "b"`: who set a forbidden value. */
export function settersPhrase(pod: boolean, containers: string[], joiner = ' and '): string {
  const parts = [...(pod ? ['pod'] : []), ...(containers.length ? [containersPhrase(containers)] : [])];
  return parts.join(joiner);
}
