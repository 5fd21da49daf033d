/**
 * Pod Security Standards levels and the policy a namespace's labels choose, as Kubernetes' pod-security-admission
 * reads them: `pod-security.kubernetes.io/<mode>` holds a level, `<mode>-version` a version (`latest` or
 * `v1.N`). Unlike a cluster (whose default is privileged), kctl enforces baseline where no label says otherwise:
 * manifests in CI are often nobody's reviewed input. As in Kubernetes, an enforce level that does not parse is
 * read as restricted (a typo never opens a namespace up), a warn or audit level as privileged, a version as latest.
 */
export type Level = 'privileged' | 'baseline' | 'restricted';
export type Mode = 'enforce' | 'warn' | 'audit';

export const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];
export const MODES: readonly Mode[] = ['enforce', 'warn', 'audit'];
export const LABEL_PREFIX = 'pod-security.kubernetes.io/';

/** kctl's level for a namespace whose labels name none for enforce. */
export const DEFAULT_ENFORCE: LevelVersion = { level: 'baseline', version: 'latest' };

export interface LevelVersion {
  level: Level;
  /** `latest` or `v1.N`, as the label says (messages print it); the checks of that version apply (checks.ts). */
  version: string;
}

export type NamespacePolicy = Record<Mode, LevelVersion | undefined>;

const VERSION = /^(latest|v1\.(0|[1-9][0-9]*))$/;

export function namespacePolicy(labels: Record<string, string> | undefined): NamespacePolicy {
  const policy = {} as NamespacePolicy;
  for (const mode of MODES) {
    const level = labels?.[LABEL_PREFIX + mode];
    const version = labels?.[`${LABEL_PREFIX}${mode}-version`];
    const fallback = mode === 'enforce' ? DEFAULT_ENFORCE : undefined;
    // A version label alone changes only the version of the level in force.
    const chosen = level === undefined ? fallback?.level : (LEVELS as string[]).includes(level) ? (level as Level) : mode === 'enforce' ? 'restricted' : 'privileged';
    policy[mode] = chosen && { level: chosen, version: version !== undefined && VERSION.test(version) ? version : 'latest' };
  }
  return policy;
}

/** `baseline:latest`, as the messages name a policy. */
export function policyName(p: LevelVersion): string {
  return `${p.level}:${p.version}`;
}
