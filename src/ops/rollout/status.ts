/**
 * `rollout status`: kubectl's status viewer, and more: while no controller process runs it DRIVES the rollout
 * (reconciles in-process), so `kctl apply --wait=false && kctl rollout status` finishes a rollout, also one an
 * earlier, killed kctl left half done. Each distinct waiting line is printed once. With auto-rollback (the
 * Deployment's annotation, or --auto-rollback here) a failed rollout is undone to the latest completed
 * revision, said on stderr, and the command exits with ExitCode.RolledBack.
 */
import type { Factory } from '../../app/factory';
import { controllerContext } from '../../app/controller-context';
import { KctlError, RolloutFailedError, TimeoutError, UsageError } from '../../errors';
import type { AutoRollback } from '../../kinds/deployment/autorollback';
import type { Verdict } from '../../kinds/results';
import type { State } from '../../store/state';
import { parseDuration } from '../../util/duration';
import { getRolloutTarget, rolloutTargets } from './deployments';
import { rolledBackError, warnRolledBack } from './rolled-back';
import { revisionFlag } from './undo';

export interface StatusOptions {
  timeout: string;
  watch: boolean;
  revision?: string;
  autoRollback?: boolean;
}

export async function runRolloutStatus(f: Factory, args: string[], opts: StatusOptions): Promise<void> {
  const targets = rolloutTargets(args, 'status');
  if (targets.length !== 1) throw new UsageError('rollout status is only supported on individual resources and resource collections are not supported yet');
  const [target] = targets;
  const { name, rollout } = target;
  const isDeployment = target.kind === 'Deployment';
  const ns = f.namespace();
  const revision = revisionFlag(opts.revision, '--revision');
  if (revision > 0 && !isDeployment) throw new UsageError('--revision needs a deployment: kctl keeps no revisions of a daemon set');
  const timeoutMs = parseDuration(opts.timeout) || Infinity; // kubectl: 0 waits forever
  getRolloutTarget(f.store().read(), target, ns);

  const { driveUntil } = require('../../controllers/drive') as typeof import('../../controllers/drive');
  const autorollback = require('../../kinds/deployment/autorollback') as typeof import('../../kinds/deployment/autorollback');
  const { revisionOf } = require('../../kinds/deployment/controller/annotations') as typeof import('../../kinds/deployment/controller/annotations');

  const ctx = await controllerContext(f);
  const startedAt = f.now();
  const deadline = Date.now() + timeoutMs;
  const printed = new Set<string>();
  const say = (line: string) => {
    if (printed.has(line)) return;
    printed.add(line);
    f.stdout.write(`${line}\n`);
  };
  let rolledBack: AutoRollback | undefined;
  let pending: AutoRollback | undefined; // --auto-rollback: a rollback for this command to make

  const check = (state: State): Verdict => {
    const dep = getRolloutTarget(state, target, ns);
    if (!rolledBack) {
      rolledBack = rollout.rolledBackSince(state, dep, startedAt);
      if (rolledBack) warnRolledBack(f, name, rolledBack);
    }
    if (!rolledBack && opts.autoRollback && isDeployment) {
      pending = autorollback.autoRollbackFor(state, dep);
      if (pending) return { done: true };
    }
    if (revision > 0 && !rolledBack && revisionOf(dep) !== revision) {
      return { done: false, failure: new KctlError(`desired revision (${revision}) is different from the running revision (${revisionOf(dep)})`) };
    }
    const status = rollout.status(dep, state);
    if (status.failed) return { done: false, failure: new RolloutFailedError(status.message) };
    return status.done ? { done: true } : { done: false, waitingFor: status.message };
  };

  for (;;) {
    const remaining = deadline - Date.now();
    let verdict: Verdict;
    try {
      verdict = remaining > 0 ? await driveUntil(ctx, check, { wait: opts.watch, timeoutMs: remaining, onProgress: say, interrupted: f.interrupted }) : timedOut();
    } catch (e) {
      // kubectl's exact line; the last waiting line is already on stdout.
      if (e instanceof TimeoutError) throw new TimeoutError();
      throw e;
    }
    if (pending) {
      const rollback = pending;
      pending = undefined;
      await f.store().update((state) => {
        const dep = getRolloutTarget(state, target, ns);
        // Judged again under the lock: another reconciler may have acted meanwhile.
        if (autorollback.autoRollbackFor(state, dep)?.toRevision === rollback.toRevision) autorollback.applyRollback(state, dep, rollback);
      });
      continue;
    }
    if (verdict.failure) throw verdict.failure;
    if (rolledBack && (verdict.done || !opts.watch)) {
      throw rolledBackError(name, rolledBack);
    }
    say(verdict.done ? rollout.status(getRolloutTarget(f.store().read(), target, ns)).message : (verdict.waitingFor ?? ''));
    return;
  }
}

function timedOut(): never {
  throw new TimeoutError();
}
