/** `kctl reconcile`: repair drift on demand: everything in the state is converged, once or continuously. */
import type { Factory } from '../app/factory';
import { hookInterrupts } from '../app/interrupts';
import { controllerContext } from '../app/controller-context';
import { isPodReady } from '../api/pod-status';
import type { Target } from '../kinds/converged';
import { kindDefinitions } from '../kinds/registry';
import { convergeTargets } from './converge';

export async function runReconcile(f: Factory, opts: { watch?: boolean; wait: boolean; timeout: string }): Promise<void> {
  if (opts.watch) {
    hookInterrupts();
    const ctx = await controllerContext(f);
    const { driveUntil } = require('../controllers/drive') as typeof import('../controllers/drive');
    const never = () => ({ done: false });
    await driveUntil(ctx, never, { wait: true, timeoutMs: Number.MAX_SAFE_INTEGER, interrupted: f.interrupted });
    return;
  }
  const state = f.store().read();
  // What can converge and has no owner: an owner's convergence takes in what it owns.
  const roots = kindDefinitions().filter((k) => k.converged).flatMap((k) => state.list(k.kind).filter((o) => !o.metadata.ownerReferences?.length));
  const targets: Target[] = roots.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, deleted: Boolean(o.metadata.deletionTimestamp) }));
  await convergeTargets(f, targets, opts);
  const after = f.store().read();
  const pods = after.list('Pod');
  const ready = pods.filter(isPodReady);
  f.stdout.write(`reconciled: ${after.list('Deployment').length} deployments, ${pods.length} pods (${ready.length} ready)\n`);
}
