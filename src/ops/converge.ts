/** The wait every mutating command ends with: reconcile until what it touched has converged. */
import type { Factory } from '../cli/factory';
import { controllerContext } from '../cli/shared';
import { progressOn } from '../cli/progress';
import { allConverged, type Target } from '../controllers/converged';
import { parseDuration } from '../util/duration';

export async function convergeTargets(f: Factory, targets: Target[], opts: { wait: boolean; timeout: string }): Promise<void> {
  const timeoutMs = parseDuration(opts.timeout);
  const ctx = await controllerContext(f);
  const { driveUntil } = require('../controllers/drive') as typeof import('../controllers/drive');
  const progress = progressOn(f.stderr);
  try {
    const verdict = await driveUntil(ctx, allConverged(targets), { wait: opts.wait, timeoutMs, onProgress: (l) => progress.update(l), interrupted: f.interrupted });
    if (verdict.failure && opts.wait) throw verdict.failure;
  } finally {
    progress.done();
  }
}
