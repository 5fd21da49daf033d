/** `rollout pause` / `rollout resume`: spec.paused, with kubectl's errors when it is already so. */
import type { Factory } from '../../app/factory';
import { pluralName } from '../../api/kinds';
import { KctlError } from '../../errors';
import { mutateDeployments, specChanged, type WaitOptions } from './mutate';

export async function runPause(f: Factory, args: string[], opts: WaitOptions, paused: boolean): Promise<void> {
  await mutateDeployments(f, args, paused ? 'pause' : 'resume', opts, (state, dep) => {
    if (Boolean(dep.spec.paused) === paused) throw new KctlError(`${pluralName('Deployment')} "${dep.metadata.name}" ${paused ? 'is already paused' : 'is not paused'}`);
    if (paused) dep.spec.paused = true;
    else delete dep.spec.paused;
    specChanged(state, dep);
    return paused ? 'paused' : 'resumed';
  });
}
