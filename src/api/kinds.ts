/**
 * The kinds kctl knows (src/kinds/catalog.ts): how they are spelt on the command line, printed, stored and
 * validated. The single source for resource-name resolution, `api-resources` and `kctl schema`.
 */
import { UsageError } from '../errors';
import { CATALOG, kindParts } from '../kinds/catalog';
import type { KindInfo } from './kind-parts';

/** The kinds CustomResourceDefinitions define, looked at only when a name is none of kctl's own. */
function customKindInfos(): KindInfo[] {
  return (require('../kinds/custom/kinds') as typeof import('../kinds/custom/kinds')).customKinds().map((k) => k.info);
}

export const KINDS: KindInfo[] = CATALOG.map((k) => k.info);

/** kctl's own kinds, then those the CustomResourceDefinitions define (what api-resources lists). */
export function allKinds(): KindInfo[] {
  return [...KINDS, ...customKindInfos()];
}

export function kindInfo(kind: string): KindInfo {
  const info = findKind(kind);
  if (!info) throw new UsageError(`unknown kind "${kind}"`);
  return info;
}

export function findKind(kind: string): KindInfo | undefined {
  return kindParts(kind)?.info;
}

/**
 * Resolves what a user typed (`deploy`, `deployments`, `deployment.apps`, `Deployment`) to a kind.
 * Throws the kubectl message for unknown resource types.
 */
export function resolveResource(typed: string): KindInfo {
  const t = typed.toLowerCase();
  const matches = (k: KindInfo) => {
    const group = k.display.includes('.') ? k.display.slice(k.display.indexOf('.')) : '';
    const names = [k.plural, k.singular, k.kind.toLowerCase(), ...k.shortNames];
    return names.includes(t) || (group !== '' && names.some((n) => n + group === t));
  };
  const found = KINDS.find(matches) ?? customKindInfos().find(matches);
  if (found) return found;
  throw new UsageError(`the server doesn't have a resource type "${typed}"`, 'run `kctl api-resources` for the list');
}

/** `deployment.apps/web` */
export function refName(kind: string, name: string): string {
  return `${kindInfo(kind).display}/${name}`;
}

/** `deployments.apps`, `pods`: how kubectl names a resource type in messages. */
export function pluralName(kind: string): string {
  const info = kindInfo(kind);
  const dot = info.display.indexOf('.');
  return info.plural + (dot >= 0 ? info.display.slice(dot) : '');
}
