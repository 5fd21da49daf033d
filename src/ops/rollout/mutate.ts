/**
 * The shape of the mutating rollout verbs (undo, pause, resume, restart): change each Deployment in one state
 * transaction, print kubectl's `deployment.apps/web <word>` lines, then wait like every mutating command
 * (exiting 6 if an opted-in Deployment was rolled back automatically meanwhile).
 */
import type { Factory } from '../../app/factory';
import type { KObject } from '../../api/types';
import { refName } from '../../api/kinds';
import type { State } from '../../store/state';
import { deploymentNames, getDeployment, type RolloutVerb } from './deployments';
import { convergeTargets } from '../converge';
import { bumpGeneration } from '../../api/generation';
import { admitPodSecurity } from '../admission';

export interface WaitOptions {
  wait: boolean;
  timeout: string;
}

/** `change` returns the word printed after the reference (`paused`, `rolled back`, ...). */
export async function mutateDeployments(f: Factory, args: string[], verb: RolloutVerb, opts: WaitOptions, change: (state: State, dep: KObject) => string): Promise<void> {
  const names = deploymentNames(args, verb);
  const ns = f.namespace();
  const words = await f.store().update((state) => {
    const said = names.map((name) => change(state, getDeployment(state, ns, name)));
    // undo and restart make pods of a template, resume lets them be made: admission judges it as it is now.
    if (verb !== 'pause') admitPodSecurity(f, state, names.map((name) => getDeployment(state, ns, name)));
    return said;
  });
  names.forEach((name, i) => f.stdout.write(`${refName('Deployment', name)} ${words[i]}\n`));
  await convergeTargets(f, names.map((name) => ({ kind: 'Deployment', namespace: ns, name })), opts);
}

/** A spec change: Kubernetes raises metadata.generation so that status.observedGeneration can say it was seen. */
export function specChanged(state: State, dep: KObject): void {
  bumpGeneration(dep);
  state.put(dep);
}
