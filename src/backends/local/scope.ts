/**
 * What ties Docker objects to one state file: every container, network and volume kctl creates carries
 * io.kctl.managed and io.kctl.state (a short hash of the state file path), so several state files (a CI job's
 * temp one beside a developer's ~/.kctl) can share one engine without touching each other's containers.
 */
import { createHash } from 'crypto';
import { LABEL } from '../../runtime/runtime';

export interface Scope {
  /** Labels that select everything of this state file. */
  labels: Record<string, string>;
  /** Short id used in network names. */
  id: string;
}

export function scopeFor(statePath: string): Scope {
  const id = createHash('sha256').update(statePath).digest('hex').slice(0, 8);
  return { id, labels: { [LABEL.managed]: 'true', [LABEL.state]: id } };
}

/** One Docker network per namespace and state file. */
export function networkName(scope: Scope, namespace: string): string {
  return `kctl-${scope.id}-${namespace}`;
}

/** Readable in `docker ps`: <namespace>_<pod>_<container>_<attempt>. */
export function containerName(namespace: string, pod: string, container: string, attempt: number): string {
  return `${namespace}_${pod}_${container}_${attempt}`;
}
