/**
 * `kctl debug POD --image=IMAGE [-i] [-t] [-c NAME] [--target=CONTAINER] [-- COMMAND...]`: kubectl's ephemeral
 * debug container. It is added to the pod's spec.ephemeralContainers, runs once in the pod's network (and with
 * --target in that container's processes, Docker's --pid=container:), is never restarted, and shows in the pod's
 * ephemeralContainerStatuses, `logs -c` and `exec -c`. With -i kctl attaches to it, as kubectl does.
 */
import { randomInt } from 'crypto';
import type { Factory } from '../app/factory';
import type { KObject } from '../api/types';
import { KctlError, NotFoundError, UsageError, ValidationError } from '../errors';
import { STUCK_REASONS } from '../kinds/pod/converged';
import type { Verdict } from '../kinds/results';
import type { State } from '../store/state';
import { parseDuration } from '../util/duration';
import { admitPodSecurity } from './admission';
import { attachContainer } from './attach';

export interface DebugOptions {
  image?: string;
  stdin?: boolean;
  tty?: boolean;
  container?: string;
  target?: string;
  quiet?: boolean;
  attach?: boolean;
  copyTo?: string;
  wait: boolean;
  timeout: string;
}

/** Kubernetes' rand.String alphabet (no vowels, no look-alikes), for generated names. */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export async function runDebug(f: Factory, target: string | undefined, command: string[], opts: DebugOptions): Promise<void> {
  if (!target) throw new UsageError('NAME is required for debug', 'kctl debug POD --image=IMAGE [-it] [-- COMMAND...]');
  if (opts.copyTo !== undefined || target.startsWith('node/') || target.startsWith('nodes/')) throw new UsageError('kctl debug adds an ephemeral container to a pod: --copy-to and node debugging are not supported on one Docker host');
  if (!opts.image) throw new UsageError('--image is required');
  if (opts.tty && !opts.stdin) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true');
  const podName = target.replace(/^(pods?|po)\//, '');
  const name = opts.container ?? `debugger-${Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
  const timeoutMs = parseDuration(opts.timeout, '--timeout');

  const pod = await f.store().update((state) => {
    const live = state.get('Pod', f.namespace(), podName);
    if (!live) throw new NotFoundError(`pods "${podName}" not found`);
    const all = [...(live.spec.initContainers ?? []), ...live.spec.containers, ...(live.spec.ephemeralContainers ?? [])];
    const index = live.spec.ephemeralContainers?.length ?? 0;
    if (all.some((c: any) => c.name === name)) throw new ValidationError([`Pod "${podName}" is invalid: spec.ephemeralContainers[${index}].name: Duplicate value: "${name}"`]);
    if (opts.target && !live.spec.containers.some((c: any) => c.name === opts.target)) {
      throw new ValidationError([`Pod "${podName}" is invalid: spec.ephemeralContainers[${index}].targetContainerName: Not found: "${opts.target}"`]);
    }
    const container = {
      name,
      image: opts.image,
      ...(command.length ? { command } : {}),
      // stdinOnce (kubectl leaves it out): the end of piped input ends the container's too, so `echo x | kctl debug -i -- cat` ends.
      ...(opts.stdin ? { stdin: true, stdinOnce: true } : {}),
      ...(opts.tty ? { tty: true } : {}),
      ...(opts.target ? { targetContainerName: opts.target } : {}),
      terminationMessagePolicy: 'File',
    };
    live.spec.ephemeralContainers = [...(live.spec.ephemeralContainers ?? []), container];
    state.put(live);
    admitPodSecurity(f, state, [live]);
    return live;
  });
  if (!opts.container) f.stderr.write(`Defaulting debug container name to ${name}.\n`);
  if (opts.target) f.stderr.write(`Targeting container "${opts.target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  if (!opts.wait) return;

  const started = await untilStarted(f, pod, name, timeoutMs);
  if (opts.attach ?? opts.stdin) await attachContainer(f, started, name, { stdin: opts.stdin, tty: opts.tty, prompt: !opts.quiet });
}

/** Reconciles until the ephemeral container runs (or already ran); the pod as it is then. */
async function untilStarted(f: Factory, pod: KObject, name: string, timeoutMs: number): Promise<KObject> {
  const { controllerContext } = require('../app/controller-context') as typeof import('../app/controller-context');
  const { driveUntil } = require('../controllers/drive') as typeof import('../controllers/drive');
  const { namespace } = pod.metadata;
  const check = (state: State): Verdict => {
    const now = state.get('Pod', namespace, pod.metadata.name);
    if (!now) return { done: false, failure: new NotFoundError(`pods "${pod.metadata.name}" not found`) };
    const status = (now.status?.ephemeralContainerStatuses ?? []).find((s: any) => s.name === name);
    if (status?.state?.running || status?.state?.terminated) return { done: true };
    const waiting = status?.state?.waiting;
    if (waiting && STUCK_REASONS.has(waiting.reason)) {
      return { done: false, failure: new KctlError(`ephemeral container ${name} cannot start: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`) };
    }
    return { done: false, waitingFor: `waiting for container ${name} of pod/${pod.metadata.name} to start` };
  };
  const verdict = await driveUntil(await controllerContext(f), check, { wait: true, timeoutMs, interrupted: f.interrupted });
  if (verdict.failure) throw verdict.failure;
  if (!verdict.done) throw new KctlError('timed out waiting for the condition', 1);
  return f.store().read().get('Pod', namespace, pod.metadata.name)!;
}
