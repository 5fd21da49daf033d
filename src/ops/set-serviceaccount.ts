/**
 * `kctl set serviceaccount deployment/web NAME` (alias `set sa`): records serviceAccountName in the pod
 * template as kubectl does, so scripts that set it run unchanged; on one Docker host there are no service
 * accounts or API tokens, and kctl says so.
 */
import type { Factory } from '../app/factory';
import { refName } from '../api/kinds';
import { UsageError } from '../errors';
import { convergeTargets } from './converge';
import { templateTargets, updatePodTemplates } from './pod-templates';

export async function runSetServiceAccount(f: Factory, args: string[], opts: { wait: boolean; timeout: string }): Promise<void> {
  if (args.length < 2) throw new UsageError('serviceaccount is required');
  const name = args[args.length - 1];
  const targets = templateTargets(f, args.slice(0, -1), 'set the service account of');
  const updated = await updatePodTemplates(f, targets, (spec) => {
    if (spec.serviceAccountName === name) return false;
    spec.serviceAccountName = name;
    return true;
  });
  f.stderr.write('Warning: serviceAccountName is recorded and ignored by kctl (one Docker host: no service accounts or API tokens)\n');
  for (const t of updated) f.stdout.write(`${refName(t.kind, t.name)} serviceaccount updated\n`);
  await convergeTargets(f, targets, opts);
}
