/**
 * What every `rollout` verb starts with: the Deployments named on the command line (`deployment/web`,
 * `deployment web`, `deploy/a deploy/b`), with kubectl's errors for kinds without the rollout capability.
 */
import type { KObject } from '../../api/types';
import { pluralName } from '../../api/kinds';
import type { KindInfo } from '../../api/kind-parts';
import { KctlError, NotFoundError } from '../../errors';
import type { State } from '../../store/state';
import { kindDefinition } from '../../kinds/registry';
import type { RolloutCapability } from '../../kinds/types';
import { parseResourceArgs } from '../resource-args';

export type RolloutVerb = 'status' | 'history' | 'undo' | 'pause' | 'resume' | 'restart';

/** The names of the Deployments `args` refer to. */
export function deploymentNames(args: string[], verb: RolloutVerb): string[] {
  return rolloutTargets(args, verb).map((t) => t.name);
}

/** The objects `args` refer to, each with its kind's rollout capability. */
export function rolloutTargets(args: string[], verb: RolloutVerb): { name: string; rollout: RolloutCapability }[] {
  const { refs } = parseResourceArgs(args, { requireName: true });
  return refs.map((ref) => {
    const rollout = kindDefinition(ref.kind.kind)?.rollout;
    if (!rollout) throw unsupported(ref.kind, ref.name!, verb);
    return { name: ref.name!, rollout };
  });
}

export function getDeployment(state: State, namespace: string, name: string): KObject {
  const dep = state.get('Deployment', namespace, name);
  if (!dep) throw new NotFoundError(`${pluralName('Deployment')} "${name}" not found`);
  return dep;
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
