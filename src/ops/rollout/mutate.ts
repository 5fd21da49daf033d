/**
 * The shape of the mutating rollout verbs (undo, pause, resume, restart): change each object in one state
 * transaction, print kubectl's `deployment.apps/web <word>` lines, then wait like every mutating command
 * (exiting 6 if an opted-in Deployment was rolled back automatically meanwhile).
 */
import type { Factory } from '../../app/factory';
import type { KObject } from '../../api/types';
import { refName } from '../../api/kinds';
import type { State } from '../../store/state';
import { getRolloutTarget, rolloutTargets, type RolloutVerb } from './deployments';
import { convergeTargets } from '../converge';
import { bumpGeneration } from '../../api/generation';
import { admitPodSecurity } from '../admission';

export interface WaitOptions {
  wait: boolean;
  timeout: string;
}

/** `change` returns the word printed after the reference (`paused`, `rolled back`, ...). */
export async function mutateDeployments(f: Factory, args: string[], verb: RolloutVerb, opts: WaitOptions, change: (state: State, obj: KObject) => string): Promise<void> {
  const targets = rolloutTargets(args, verb);
  const ns = f.namespace();
  const words = await f.store().update((state) => {
    const said = targets.map((t) => change(state, getRolloutTarget(state, t, ns)));
    // undo and restart make pods of a template, resume lets them be made: admission judges it as it is now.
    if (verb !== 'pause') admitPodSecurity(f, state, targets.map((t) => getRolloutTarget(state, t, ns)));
    return said;
  });
  targets.forEach((t, i) => f.stdout.write(`${refName(t.kind, t.name)} ${words[i]}\n`));
  await convergeTargets(f, targets.map((t) => ({ kind: t.kind, namespace: ns, name: t.name })), opts);
}

/** A spec change: Kubernetes raises metadata.generation so that status.observedGeneration can say it was seen. */
export function specChanged(state: State, dep: KObject): void {
  bumpGeneration(dep);
  state.put(dep);
}
