/**
 * What every `rollout` verb starts with: the objects named on the command line (`deployment/web`,
 * `deployment web`, `deploy/a ds/b`), with kubectl's errors for kinds without that rollout verb.
 */
import type { KObject } from '../../api/types';
import { pluralName } from '../../api/kinds';
import type { KindInfo } from '../../api/kind-parts';
import { KctlError, NotFoundError } from '../../errors';
import type { State } from '../../store/state';
import { kindDefinition } from '../../kinds/registry';
import type { RolloutCapability, RolloutVerb } from '../../kinds/types';
import { parseResourceArgs } from '../resource-args';

export type { RolloutVerb };

export interface RolloutTarget {
  kind: string;
  name: string;
  rollout: RolloutCapability;
}

/** The objects `args` refer to, each with its kind's rollout capability. */
export function rolloutTargets(args: string[], verb: RolloutVerb): RolloutTarget[] {
  const { refs } = parseResourceArgs(args, { requireName: true });
  return refs.map((ref) => {
    const rollout = kindDefinition(ref.kind.kind)?.rollout;
    if (!rollout?.verbs.includes(verb)) throw unsupported(ref.kind, ref.name!, verb);
    return { kind: ref.kind.kind, name: ref.name!, rollout };
  });
}

export function getRolloutTarget(state: State, target: { kind: string; name: string }, namespace: string): KObject {
  const obj = state.get(target.kind, namespace, target.name);
  if (!obj) throw new NotFoundError(`${pluralName(target.kind)} "${target.name}" not found`);
  return obj;
}

/** kubectl's words for a kind without that rollout support (its polymorphic helpers' errors). */
function unsupported(kind: KindInfo, name: string, verb: RolloutVerb): KctlError {
  const slash = kind.apiVersion.indexOf('/');
  const groupKind = slash < 0 ? kind.kind : `${kind.kind}.${kind.apiVersion.slice(0, slash)}`;
  switch (verb) {
    case 'status':
      return new KctlError(`no status viewer has been implemented for ${groupKind}`);
    case 'history':
      return new KctlError(`no history viewer has been implemented for "${groupKind}"`);
    case 'undo':
      return new KctlError(`no rollbacker has been implemented for "${groupKind}"`);
    default:
      return new KctlError(`${pluralName(kind.kind)} "${name}" ${verb === 'pause' ? 'pausing' : verb === 'resume' ? 'resuming' : 'restarting'} is not supported`);
  }
}
