/**
 * What `kctl logs` and `kctl exec` point at: pods named as kubectl takes them (NAME, pod/NAME,
 * deployment/NAME, replicaset/NAME: any kind that says which pods it runs, or -l selector) and one of their
 * containers (kubectl's defaulting rules).
 * The pod backend finds what runs that container (PodBackend.containerOf).
 */
import type { KObject } from '../api/types';
import { pluralName, refName, resolveResource } from '../api/kinds';
import { parseSelector } from '../api/selector';
import { KctlError, NotFoundError, UsageError } from '../errors';
import type { State } from '../store/state';
import { isPodReady } from '../api/pod-status';
import { kindDefinition } from '../kinds/registry';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** The pods a target names, best candidate first (ready and running before others, then oldest). */
export function podsOf(state: State, namespace: string, target: string | undefined, selector: string | undefined): { pods: KObject[]; owner?: string } {
  if (selector) {
    if (target) throw new UsageError('only one of a resource name and a selector (-l) can be given');
    return { pods: state.list('Pod', namespace, parseSelector(selector)) };
  }
  if (!target) throw new UsageError('a pod name (or TYPE/NAME, or -l selector) is required');
  const slash = target.indexOf('/');
  const kind = slash === -1 ? 'Pod' : resolveResource(target.slice(0, slash)).kind;
  const name = slash === -1 ? target : target.slice(slash + 1);
  const obj = state.get(kind, namespace, name);
  if (!obj) throw new NotFoundError(`${pluralName(kind)} "${name}" not found`);
  // A pod named as such is taken as it is, also while it is being deleted (its logs are still there).
  if (kind === 'Pod') return { pods: [obj] };
  const runs = kindDefinition(kind)?.podsOf;
  if (!runs) throw new UsageError(`cannot attach to ${refName(kind, name)}: not implemented`);
  const pods = runs(state, obj).filter((p) => !p.metadata.deletionTimestamp);
  if (!pods.length) throw new NotFoundError(`${refName(kind, name)} has no pods`);
  return { pods: pods.sort(byPreference), owner: refName(kind, name) };
}

export interface ContainerChoice {
  names: string[];
  /** kubectl's note when it picked one of several: `Defaulted container "a" out of: a, b`. */
  note?: string;
}

/** -c NAME, all of them, or kubectl's default (the annotation, else the first app container). */
export function chooseContainers(pod: KObject, container: string | undefined, all: boolean): ContainerChoice {
  const init: string[] = (pod.spec.initContainers ?? []).map((c: any) => c.name);
  const app: string[] = pod.spec.containers.map((c: any) => c.name);
  const ephemeral: string[] = (pod.spec.ephemeralContainers ?? []).map((c: any) => c.name);
  if (container) {
    if (![...init, ...app, ...ephemeral].includes(container)) throw new KctlError(`container ${container} is not valid for pod ${pod.metadata.name}`);
    return { names: [container] };
  }
  if (all) return { names: [...init, ...app, ...ephemeral] };
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  const chosen = annotated && app.includes(annotated) ? annotated : app[0];
  if (app.length + init.length + ephemeral.length === 1) return { names: [chosen] };
  return { names: [chosen], note: `Defaulted container "${chosen}" out of: ${[...app, ...init.map((n) => `${n} (init)`), ...ephemeral.map((n) => `${n} (ephem)`)].join(', ')}` };
}

function byPreference(a: KObject, b: KObject): number {
  const score = (p: KObject) => (isPodReady(p) ? 0 : p.status?.phase === 'Running' ? 1 : 2);
  return score(a) - score(b) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name);
}

