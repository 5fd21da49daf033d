/** How a verb's refusal names the kinds that can do what was asked, from the registry (registry.ts kindsWith). */
import { kindInfo } from '../api/kinds';
import type { KindDefinition } from '../kinds/types';

/** `deployments and replicasets`; `pods, services, deployments and replicasets`. */
export function pluralsOf(kinds: KindDefinition[]): string {
  return listed(kinds.map((d) => kindInfo(d.kind).plural), 'and');
}

/** `deployment or replicaset`; `deployment, replicaset, pod or service`. */
export function oneOf(kinds: KindDefinition[]): string {
  return listed(kinds.map((d) => kindInfo(d.kind).singular), 'or');
}

function listed(words: string[], conjunction: string): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
