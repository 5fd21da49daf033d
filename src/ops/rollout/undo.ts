/** `rollout undo [--to-revision N]`: the Deployment controller's rollbackTo, printed as kubectl prints it. */
import type { Factory } from '../../app/factory';
import { UsageError } from '../../errors';
import { mutateDeployments, type WaitOptions } from './mutate';

export async function runUndo(f: Factory, args: string[], opts: WaitOptions & { toRevision?: string }): Promise<void> {
  const toRevision = revisionFlag(opts.toRevision, '--to-revision');
  const { rollbackTo } = require('../../kinds/deployment/controller/rollback') as typeof import('../../kinds/deployment/controller/rollback');
  await mutateDeployments(f, args, 'undo', opts, (state, dep) => rollbackTo(state, dep, toRevision || undefined).message);
}

/** An integer flag as kubectl's pflag parses it (0 = the default). */
export function revisionFlag(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  return Number(value);
}
