/**
 * How kctl reports an automatic rollback that happened while a command waited on a Deployment: a warning line
 * on stderr, then RolledBackError (ExitCode.RolledBack) so scripts can tell it from success and from failure.
 */
import type { Factory } from '../../app/factory';
import type { AutoRollback } from '../../kinds/deployment/autorollback';
import { RolledBackError } from '../../errors';

export function warnRolledBack(f: Factory, name: string, rollback: AutoRollback): void {
  f.stderr.write(`warning: deployment "${name}" rolled back to revision ${rollback.toRevision}: ${rollback.reason}\n`);
}

export function rolledBackError(name: string, rollback: AutoRollback): RolledBackError {
  return new RolledBackError(`deployment "${name}" rollout failed (${rollback.reason}) and was rolled back to revision ${rollback.toRevision}`);
}
