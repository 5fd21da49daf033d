/**
 * The wait every mutating command ends with: reconcile until what it touched has converged. An object that
 * opted into auto-rollback may have been rolled back meanwhile: that is reported (stderr + exit 6), not success.
 */
import type { Factory } from '../app/factory';
import { controllerContext } from '../app/controller-context';
import { progressOn } from '../app/progress';
import { allConverged, type Target } from '../kinds/converged';
import { kindDefinition } from '../kinds/registry';
import { parseDuration } from '../util/duration';
import { rolledBackError, warnRolledBack } from './rollout/rolled-back';

export async function convergeTargets(f: Factory, targets: Target[], opts: { wait: boolean; timeout: string }): Promise<void> {
  const timeoutMs = parseDuration(opts.timeout);
  const ctx = await controllerContext(f);
  const { driveUntil } = require('../controllers/drive') as typeof import('../controllers/drive');
  const progress = progressOn(f.stderr);
  const since = f.now();
  try {
    const verdict = await driveUntil(ctx, allConverged(targets), { wait: opts.wait, timeoutMs, onProgress: (l) => progress.update(l), interrupted: f.interrupted });
    if (verdict.failure && opts.wait) throw verdict.failure;
  } catch (e) {
    throwIfRolledBack(f, targets, since);
    throw e;
  } finally {
    progress.done();
  }
  throwIfRolledBack(f, targets, since);
}

function throwIfRolledBack(f: Factory, targets: Target[], since: Date): void {
  const state = f.store().read();
  for (const t of targets) {
    const rollout = kindDefinition(t.kind)?.rollout;
    const obj = rollout && state.get(t.kind, t.namespace, t.name);
    const rollback = obj && rollout.rolledBackSince(state, obj, since);
    if (rollback) {
      warnRolledBack(f, t.name, rollback);
      throw rolledBackError(t.name, rollback);
    }
  }
}
