/**
 * `kctl auth can-i VERB TYPE[/NAME]`: kctl has one user, who may do whatever kctl does with a kind, so the
 * answer is the kind's verbs (api-resources -o wide). `yes` exits 0 and `no` exits 1, as kubectl; -q prints
 * nothing. Scripts that check their rights before acting then run unchanged.
 */
import type { Factory } from '../app/factory';
import { findKind, resolveResource } from '../api/kinds';
import { AnswerNo, UsageError } from '../errors';
import { kindDefinition } from '../kinds/registry';

export interface CanIOptions {
  quiet?: boolean;
  subresource?: string;
  allNamespaces?: boolean;
}

/** Subresources kctl serves, and the verbs on them. */
const SUBRESOURCES: Record<string, { kinds?: (kind: string) => boolean; verbs: string[] }> = {
  log: { kinds: (k) => k === 'Pod', verbs: ['get'] },
  exec: { kinds: (k) => k === 'Pod', verbs: ['create', 'get'] },
  portforward: { kinds: (k) => k === 'Pod', verbs: ['create', 'get'] },
  scale: { kinds: (k) => Boolean(kindDefinition(k)?.scale), verbs: ['get', 'patch', 'update'] },
  status: { verbs: ['get'] },
};

export function runCanI(f: Factory, args: string[], opts: CanIOptions): void {
  if (args.length < 2) throw new UsageError('you must specify two arguments: verb resource or verb resource/resourceName', 'for example: kctl auth can-i create deployments');
  if (args.length > 2) throw new UsageError('you must specify two arguments: verb resource or verb resource/resourceName');
  const [verb, target] = args;
  const allowed = answer(f, verb.toLowerCase(), target.split('/')[0], opts.subresource);
  if (!opts.quiet) f.stdout.write(allowed ? 'yes\n' : 'no\n');
  if (!allowed) throw new AnswerNo();
}

function answer(f: Factory, verb: string, type: string, subresource: string | undefined): boolean {
  if (type === '*') return true;
  if (!findKindFor(type)) {
    f.stderr.write(`Warning: the server doesn't have a resource type '${type}'\n`);
    return false;
  }
  const kind = resolveResource(type).kind;
  if (subresource !== undefined) {
    const sub = SUBRESOURCES[subresource];
    return Boolean(sub && (!sub.kinds || sub.kinds(kind)) && (verb === '*' || sub.verbs.includes(verb)));
  }
  const verbs = kindDefinition(kind)?.verbs ?? [];
  if (verb === '*') return verbs.length > 0;
  return verbs.includes(verb === 'deletecollection' ? 'delete' : verb);
}

function findKindFor(type: string): boolean {
  try {
    return Boolean(findKind(resolveResource(type).kind));
  } catch {
    return false;
  }
}
