/**
 * `kctl run -i` / `--attach`, as kubectl run attaches: wait (--pod-running-timeout) for the pod to run, stream
 * its container from its start until it exits (kctl's stdin passed with -i), then for Never and OnFailure wait
 * for the pod to complete and exit with its container's exit code; with --rm delete what was created
 * afterwards, whatever happened, Ctrl-C included (a second Ctrl-C ends kctl at once).
 */
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { ExitCode, KctlError, NotFoundError } from '../errors';
import type { Verdict } from '../kinds/results';
import type { State } from '../store/state';
import { convergeTargets } from './converge';
import type { RestartPolicy } from './run-pod';
import { attachContainer } from './attach';

export interface AttachedRun {
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
  rm?: boolean;
  /** The policy kubectl acts on (restartPolicyOf). */
  policy: RestartPolicy;
  timeoutMs: number;
  /** How long --rm waits for the deletion (the command's --timeout). */
  timeout: string;
  /** Deleted afterwards with --rm, in this order. */
  created: KObject[];
}

export async function runAttached(f: Factory, pod: KObject, opts: AttachedRun): Promise<void> {
  const { hookInterrupts } = require('../app/interrupts') as typeof import('../app/interrupts');
  hookInterrupts();
  let interrupted = false;
  void f.interrupted.then(() => (interrupted = true));
  const stopped = () => new KctlError('interrupted', ExitCode.Interrupted);
  try {
    await streamContainer(f, pod, opts, () => interrupted);
    if (interrupted) throw stopped();
    // kubectl waits for an exit code only where the pod can complete; an Always pod's session just ends.
    if (opts.policy === 'Always') return;
    const done = await completedPod(f, pod, opts);
    if (!done) throw stopped();
    throwExitCode(done);
  } finally {
    if (opts.rm) await removeCreated(f, opts.created, opts.timeout);
  }
}

/** Waits for the pod's container to start, then copies its output (and kctl's stdin) until it exits. */
async function streamContainer(f: Factory, pod: KObject, opts: AttachedRun, interrupted: () => boolean): Promise<void> {
  const { namespace, name } = pod.metadata;
  await convergeTargets(f, [{ kind: 'Pod', namespace, name }], { wait: true, timeout: `${opts.timeoutMs}ms` });
  if (interrupted()) return;
  const now = f.store().read().get('Pod', namespace, name);
  if (!now) throw new NotFoundError(`pods "${name}" not found`);
  const phase = now.status?.phase;
  // kubectl attaches to a running pod (and says so); one that already completed only has its log to show.
  await attachContainer(f, now, name, { stdin: opts.stdin, tty: opts.tty, prompt: phase !== 'Succeeded' && phase !== 'Failed' && !opts.quiet });
}

/** The pod once it completed: Succeeded or Failed for Never, only Succeeded for OnFailure; undefined when interrupted. */
async function completedPod(f: Factory, pod: KObject, opts: AttachedRun): Promise<KObject | undefined> {
  const { controllerContext } = require('../app/controller-context') as typeof import('../app/controller-context');
  const { driveUntil } = require('../controllers/drive') as typeof import('../controllers/drive');
  const { namespace, name } = pod.metadata;
  const phases = opts.policy === 'Never' ? ['Succeeded', 'Failed'] : ['Succeeded'];
  const check = (state: State): Verdict => {
    const now = state.get('Pod', namespace, name);
    if (!now) return { done: false, failure: new NotFoundError(`pods "${name}" not found`) };
    return phases.includes(now.status?.phase) ? { done: true } : { done: false, waitingFor: `waiting for pod/${name} to complete` };
  };
  const verdict = await driveUntil(await controllerContext(f), check, { wait: true, timeoutMs: opts.timeoutMs, interrupted: f.interrupted });
  if (verdict.failure) throw verdict.failure;
  return verdict.done ? f.store().read().get('Pod', namespace, name) : undefined;
}

/** kubectl: a Failed pod's container exit code becomes kctl's, with the reason it terminated. */
function throwExitCode(pod: KObject): void {
  if (pod.status?.phase !== 'Failed') return;
  const { namespace, name } = pod.metadata;
  const terminated = pod.status.containerStatuses?.[0]?.state?.terminated;
  if (!terminated?.exitCode) throw new KctlError(`pod ${namespace}/${name} failed with unknown exit code`);
  throw new KctlError([`pod ${namespace}/${name} terminated (${terminated.reason})`, terminated.message].filter(Boolean).join('\n'), terminated.exitCode);
}

/** --rm: as `kctl delete`, waiting until the containers are gone; the Ctrl-C that ended the attach does not cut it short. */
async function removeCreated(f: Factory, created: KObject[], timeout: string): Promise<void> {
  const { runDelete } = require('./delete') as typeof import('./delete');
  const refs = created.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`);
  await runDelete({ ...f, interrupted: new Promise<void>(() => undefined) }, refs, { ignoreNotFound: true, wait: true, timeout });
}
