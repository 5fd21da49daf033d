/**
 * One level-based step for one init, app or ephemeral container: adopt a created container, restart an exited
 * one per restartPolicy with Kubernetes' back-off (CrashLoopBackOff while waiting), or create it; then report its
 * status. Init containers count as done when they exited 0 and are restarted only after a failure; an ephemeral
 * container (kctl debug) runs once and is never restarted or made again.
 */
import { LABEL, type ContainerInfo } from '../../../runtime/runtime';
import { nextBackoff } from './backoff';
import { stateOf, terminatedState, type ContainerStatus } from './container-status';
import type { Role } from './container-spec';
import { createAndStart, removeQuietly, startOrRemove, type Placement } from './create';
import { warnOnce, type PodPass } from './pass';

export interface StepResult {
  status: ContainerStatus;
  /** The container Docker has for it now, if any. */
  info?: ContainerInfo;
  /** Init containers: exited 0. */
  done: boolean;
  /** Exited with an error and will not be restarted (restartPolicy). */
  failed: boolean;
}

export async function stepContainer(pass: PodPass, container: any, role: 'app' | 'init' | 'ephemeral', actual: ContainerInfo[], placement: Placement): Promise<StepResult> {
  const { ctx, pod, now } = pass;
  const mine = containersOf(actual, container.name, role);
  const record = (pass.records[container.name] ??= {});
  const prev = pass.previous.get(container.name);
  const status: ContainerStatus = { name: container.name, image: container.image, ready: false, started: false, restartCount: prev?.restartCount ?? 0, state: { waiting: { reason: 'ContainerCreating' } }, lastState: prev?.lastState ?? {} };
  const result = (info?: ContainerInfo, extra: Partial<StepResult> = {}): StepResult => ({ status, info, done: false, failed: false, ...extra });
  let latest: ContainerInfo | undefined = mine[0];

  // Containers older than the previous attempt are kept by nobody (logs --previous needs only one).
  for (const old of mine.slice(2)) await removeQuietly(pass, old.id);

  if (latest?.status === 'created') {
    const refused = await startOrRemove(pass, latest.id, container.name);
    if (refused) {
      status.state = { waiting: refused.waiting };
      if (refused.retryAt) pass.requeue(refused.retryAt);
      return result();
    }
    latest = (await ctx.runtime.inspectContainer(latest.id)) ?? latest;
  }

  if (latest && isExited(latest)) {
    const exitCode = latest.exitCode ?? 0;
    if (role === 'init' && exitCode === 0) return finished(status, latest, { done: true });
    if (!shouldRestart(pod.spec.restartPolicy ?? 'Always', role, exitCode)) return finished(status, latest, { failed: exitCode !== 0 });
    if (record.backoffFor !== latest.id) {
      record.backoff = nextBackoff(record.backoff, latest.startedAt, latest.finishedAt, now);
      record.backoffFor = latest.id;
    }
    status.lastState = terminatedState(latest);
    status.restartCount = attemptOf(latest);
    const until = record.backoff?.until ? Date.parse(record.backoff.until) : 0;
    if (until > now.getTime()) {
      const seconds = Math.round((until - Date.parse(latest.finishedAt ?? now.toISOString())) / 1000);
      status.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${seconds}s restarting failed container=${container.name} pod=${pod.metadata.name}(${pod.metadata.uid})` } };
      status.containerID = `docker://${latest.id}`;
      // Once per back-off (its message names the delay): said on every pass, each repeat would write the state and wake the controller again.
      warnOnce(pass, container.name, 'BackOff', 'Back-off restarting failed container', status.state.waiting.message);
      pass.requeue(until);
      return result(latest);
    }
    latest = undefined; // restart now: a new container for the next attempt
  }

  // An ephemeral container that ran is done with, even when its Docker container is gone.
  if (!latest && role === 'ephemeral' && prev?.containerID) return { status: prev, done: false, failed: false };
  if (!latest) {
    const attempt = nextAttempt(mine, prev);
    const started = await createAndStart(pass, container, role, attempt, placement, record);
    if ('waiting' in started) {
      status.state = { waiting: started.waiting };
      if (started.retryAt) pass.requeue(started.retryAt);
      return result();
    }
    latest = started.info;
    status.restartCount = attempt;
    if (isExited(latest)) pass.requeue(now.getTime()); // finished already: look again at once
  } else {
    status.restartCount = Math.max(status.restartCount, attemptOf(latest));
  }
  status.containerID = `docker://${latest.id}`;
  status.imageID = latest.image;
  status.state = stateOf(latest);
  return result(latest);
}

/** The pod's Docker containers for one of its containers, newest attempt first. */
export function containersOf(actual: ContainerInfo[], name: string, role: Role): ContainerInfo[] {
  return actual.filter((c) => c.labels[LABEL.container] === name && c.labels[LABEL.role] === role).sort((a, b) => attemptOf(b) - attemptOf(a));
}

export function attemptOf(c: ContainerInfo): number {
  return Number(c.labels[LABEL.attempt] ?? 0) || 0;
}

export function isExited(c: ContainerInfo): boolean {
  return c.status === 'exited' || c.status === 'dead';
}

function finished(status: ContainerStatus, info: ContainerInfo, extra: Partial<StepResult>): StepResult {
  status.containerID = `docker://${info.id}`;
  status.imageID = info.image;
  status.restartCount = Math.max(status.restartCount, attemptOf(info));
  status.state = stateOf(info);
  return { status, info, done: false, failed: false, ...extra };
}

/** Init containers run to success: under Always they are restarted like OnFailure. */
function shouldRestart(policy: string, role: 'app' | 'init' | 'ephemeral', exitCode: number): boolean {
  if (policy === 'Never' || role === 'ephemeral') return false;
  return exitCode !== 0 || (policy === 'Always' && role === 'app');
}

/** A container that existed before and is gone (removed behind kctl's back) counts as a restart. */
function nextAttempt(mine: ContainerInfo[], prev: ContainerStatus | undefined): number {
  const seen = mine.length ? attemptOf(mine[0]) + 1 : 0;
  const recorded = prev?.containerID ? prev.restartCount + 1 : 0;
  return Math.max(seen, recorded);
}
