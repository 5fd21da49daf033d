/**
 * One object controller over every live object of its kind, as a reconcile pass runs it (manager.ts syncEach),
 * for tests that look at one controller alone.
 */
import { syncAutoRollbackOf } from '../../src/kinds/deployment/autorollback';
import { syncHPA } from '../../src/kinds/horizontalpodautoscaler/controller/sync';
import { syncEach } from '../../src/controllers/manager';
import { kindDefinition } from '../../src/kinds/registry';
import type { SyncContext } from '../../src/kinds/types';
import type { State } from '../../src/store/state';

const context = (state: State, now: Date): SyncContext => ({ state, now, kinds: kindDefinition });

export function syncHPAs(state: State, now: Date): void {
  syncEach(context(state, now), 'HorizontalPodAutoscaler', syncHPA);
}

/** 0 when a rollback was started (the next pass should come at once), else undefined. */
export function syncAutoRollback(state: State): number | undefined {
  return syncEach(context(state, new Date(0)), 'Deployment', (ctx, dep) => syncAutoRollbackOf(ctx.state, dep));
}
