/**
 * `kctl run NAME --image=I [-- ARGS...]`: creates the Pod kubectl run generates (run-pod.ts) and, with --expose,
 * the Service for it. Detached, it then converges like every mutating command; attached (-i or --attach) it
 * streams the container as kubectl run does (run-attach.ts), and with --rm deletes what it made afterwards.
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { UsageError } from '../errors';
import { parseDuration } from '../util/duration';
import { createObject } from './create';
import { convergeTargets } from './converge';
import { dryRunMode, type DryRunFlag } from './dry-run';
import { exposingService } from './expose';
import { checkImageFlags, checkPullPolicy, restartPolicyOf, runPod, type RunPodOptions } from './run-pod';
import { requireFlags } from './required-flags';

export interface RunOptions extends RunPodOptions {
  attach?: boolean;
  rm?: boolean;
  expose?: boolean;
  quiet?: boolean;
  podRunningTimeout: string;
  dryRun?: DryRunFlag;
  output?: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  wait: boolean;
  timeout: string;
}

export async function runRun(f: Factory, name: string | undefined, args: string[], opts: RunOptions): Promise<void> {
  // kubectl's checks, in its order: nothing is created when one fails.
  requireFlags(opts, ['image']);
  const dryRun = dryRunMode(opts.dryRun);
  if (!name) throw new UsageError('NAME is required for run', 'kctl run NAME --image=IMAGE [-- ARGS...]');
  checkImageFlags(opts);
  if (opts.expose && !opts.port) throw new UsageError('--port must be set when exposing a service');
  const policy = restartPolicyOf(opts);
  const attach = opts.attach ?? Boolean(opts.stdin);
  if (!attach && opts.rm) throw new UsageError('--rm should only be used for attached containers');
  if (attach && dryRun) throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  checkPullPolicy(opts);
  const timeoutMs = parseDuration(opts.podRunningTimeout, '--pod-running-timeout');

  const pod = runPod(name, f.namespace(), args, opts);
  const service = opts.expose ? exposingService(pod, { port: opts.port, protocol: 'TCP' }) : undefined;
  // kubectl's Service carries labels only when --labels gave them.
  if (service && !opts.labels) delete service.metadata.labels;

  // kubectl creates the pod first but prints it last, after the Service, and not at all when attaching.
  let podPrinted = '';
  await createObject({ ...f, stdout: { isTTY: f.stdout.isTTY, write: (t) => void (podPrinted += t) } }, pod, opts);
  if (service) {
    await createObject(f, service, opts);
    if (opts.output === 'yaml') f.stdout.write('---\n');
  }
  if (!attach) f.stdout.write(podPrinted);
  if (dryRun) return;

  const created = [pod, ...(service ? [service] : [])];
  if (!attach) return convergeTargets(f, created.map(target), opts);
  const { runAttached } = require('./run-attach') as typeof import('./run-attach');
  await runAttached(f, pod, { ...opts, policy, timeoutMs, created });
}

function target(obj: KObject) {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name };
}
