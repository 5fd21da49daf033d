/** `rollout restart`: a new pod template annotation, so the Deployment (or DaemonSet) rolls out fresh pods. */
import type { Factory } from '../../app/factory';
import { pluralName } from '../../api/kinds';
import { KctlError } from '../../errors';
import { mutateDeployments, specChanged, type WaitOptions } from './mutate';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export async function runRestart(f: Factory, args: string[], opts: WaitOptions): Promise<void> {
  // kubectl writes RFC 3339 to the second.
  const at = f.now().toISOString().replace(/\.\d+Z$/, 'Z');
  await mutateDeployments(f, args, 'restart', opts, (state, dep) => {
    const ref = `${pluralName(dep.kind)} "${dep.metadata.name}"`;
    if (dep.spec.paused) throw new KctlError(`${ref} can't restart paused deployment (run rollout resume first)`);
    const meta = ((dep.spec.template ??= {}).metadata ??= {});
    if (meta.annotations?.[RESTARTED_AT] === at) {
      throw new KctlError(`${ref} restart has already been triggered within the past second, please wait before attempting to trigger another`);
    }
    meta.annotations = { ...(meta.annotations ?? {}), [RESTARTED_AT]: at };
    specChanged(state, dep);
    return 'restarted';
  });
}
