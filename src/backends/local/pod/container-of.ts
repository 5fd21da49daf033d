/** The Docker container of one pod container that `kctl logs` and `kctl exec` reach: the latest attempt, or the one before. */
import type { KObject } from '../../../api/types';
import { KctlError } from '../../../errors';
import { LABEL, type ContainerInfo } from '../../../runtime/runtime';
import type { LocalContext } from '../context';
import { attemptOf } from './container-step';

/** The Docker container running `name` now (or the one before it, with `previous`). */
export async function dockerContainerOf(ctx: LocalContext, pod: KObject, name: string, previous: boolean): Promise<ContainerInfo> {
  const attempts = (await ctx.runtime.listContainers({ ...ctx.scope.labels, [LABEL.podUid]: pod.metadata.uid ?? '', [LABEL.container]: name })).sort((a, b) => attemptOf(b) - attemptOf(a));
  const found = attempts[previous ? 1 : 0];
  if (found) return found;
  if (previous) throw new KctlError(`previous terminated container "${name}" in pod "${pod.metadata.name}" not found`);
  const all = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const reason = all.find((s: any) => s.name === name)?.state?.waiting?.reason ?? 'ContainerCreating';
  throw new KctlError(`container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
}
