/**
 * kubectl's resource arguments: `deployment/web pod/x`, `deployments web web2`, `deploy,svc`, `all`.
 */
import { kindInfo, resolveResource } from '../api/kinds';
import type { KindInfo } from '../api/kind-parts';
import { UsageError } from '../errors';
import { kindsInCategory } from '../kinds/registry';

export interface ResourceRef {
  kind: KindInfo;
  name?: string;
}

export interface ResourceQuery {
  /** Kinds asked for, each with the names asked for (empty: all of that kind). */
  refs: ResourceRef[];
  /** `get all` or several kinds: tables print NAME as kind/name. */
  multiKind: boolean;
}

export function parseResourceArgs(args: string[], opts: { requireName?: boolean } = {}): ResourceQuery {
  if (args.length === 0) {
    throw new UsageError('You must specify the type of resource to get.', 'for example: kctl get pods; run `kctl api-resources` for the list');
  }
  const refs: ResourceRef[] = [];
  if (args.every((a) => a.includes('/'))) {
    for (const a of args) {
      const [type, name, extra] = a.split('/');
      if (!type || !name || extra !== undefined) throw new UsageError(`arguments in resource/name form must have a single resource and name: "${a}"`);
      refs.push({ kind: resolveResource(type), name });
    }
    return { refs, multiKind: new Set(refs.map((r) => r.kind.kind)).size > 1 };
  }
  if (args.slice(1).some((a) => a.includes('/'))) {
    throw new UsageError('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form');
  }
  const [types, ...names] = args;
  const kinds = types.split(',').flatMap((t) => (t.toLowerCase() === 'all' ? kindsInCategory('all').map((k) => kindInfo(k.kind)) : [resolveResource(t)]));
  if (opts.requireName && names.length === 0) throw new UsageError(`resource(s) were provided, but no name was specified`);
  for (const kind of kinds) {
    if (names.length === 0) refs.push({ kind });
    else for (const name of names) refs.push({ kind, name });
  }
  return { refs, multiKind: kinds.length > 1 || types.toLowerCase() === 'all' };
}
