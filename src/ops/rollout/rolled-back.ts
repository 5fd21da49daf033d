/**
 * How kctl reports an automatic rollback that happened while a command waited on a Deployment: a warning line
 * on stderr, then RolledBackError (ExitCode.RolledBack) so scripts can tell it from success and from failure.
 */
import type { Factory } from '../../cli/factory';
import type { AutoRollback } from '../../controllers/autorollback';
import type { Target } from '../../controllers/converged';
import { RolledBackError } from '../../errors';
import { convergeTargets } from '../converge';

export function warnRolledBack(f: Factory, name: string, rollback: AutoRollback): void {
  f.stderr.write(`warning: deployment "${name}" rolled back to revision ${rollback.toRevision}: ${rollback.reason}\n`);
}

export function rolledBackError(name: string, rollback: AutoRollback): RolledBackError {
  return new RolledBackError(`deployment "${name}" rollout failed (${rollback.reason}) and was rolled back to revision ${rollback.toRevision}`);
}

/** convergeTargets, then the rollback check: a Deployment that opted in may have been rolled back meanwhile. */
export async function convergeOrRolledBack(f: Factory, targets: Target[], opts: { wait: boolean; timeout: string }): Promise<void> {
  const since = f.now();
  try {
    await convergeTargets(f, targets, opts);
  } catch (e) {
    throwIfRolledBack(f, targets, since);
    throw e;
  }
  throwIfRolledBack(f, targets, since);
}

function throwIfRolledBack(f: Factory, targets: Target[], since: Date): void {
  const { rollbackSince } = require('../../controllers/autorollback') as typeof import('../../controllers/autorollback');
  const state = f.store().read();
  for (const t of targets) {
    const dep = t.kind === 'Deployment' ? state.get('Deployment', t.namespace, t.name) : undefined;
    const rollback = dep && rollbackSince(state, dep, since);
    if (rollback) {
      warnRolledBack(f, t.name, rollback);
      throw rolledBackError(t.name, rollback);
    }
  }
}
