/** `rollout undo [--to-revision N]`: the kind's rollbacker (a Deployment's rollbackTo, a StatefulSet's revision), printed as kubectl prints it. */
import type { Factory } from '../../app/factory';
import { UsageError } from '../../errors';
import { kindDefinition } from '../../kinds/registry';
import { mutateDeployments, type WaitOptions } from './mutate';

export async function runUndo(f: Factory, args: string[], opts: WaitOptions & { toRevision?: string }): Promise<void> {
  const toRevision = revisionFlag(opts.toRevision, '--to-revision');
  await mutateDeployments(f, args, 'undo', opts, (state, obj) => kindDefinition(obj.kind)!.rollout!.undo!(state, obj, toRevision || undefined));
}

/** An integer flag as kubectl's pflag parses it (0 = the default). */
export function revisionFlag(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  return Number(value);
}
