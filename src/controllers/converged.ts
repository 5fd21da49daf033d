/**
 * When has an object a command touched converged? Used by every mutating command's wait.
 * Pods stuck in a state only the user can fix (an image that cannot be had, a crash loop, a missing
 * ConfigMap) end the wait early with a clear failure instead of running into --timeout.
 */
import type { KObject } from '../api/types';
import { refName } from '../api/kinds';
import { RolloutFailedError } from '../errors';
import type { State } from '../store/state';
import type { Verdict } from './drive';
import { isPodReady } from '../api/pod-status';
import { autoRollbackEnabled } from './autorollback/switch';

const STUCK_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'InvalidImageName']);

export interface Target {
  kind: string;
  namespace?: string;
  name: string;
  /** The object is expected to be gone (delete). */
  deleted?: boolean;
}

export function allConverged(targets: Target[]): (state: State) => Verdict {
  return (state) => {
    for (const t of targets) {
      const v = converged(state, t);
      if (!v.done) return v;
    }
    return { done: true };
  };
}

export function converged(state: State, t: Target): Verdict {
  const obj = state.get(t.kind, t.namespace, t.name);
  if (t.deleted) {
    return obj ? { done: false, waitingFor: `waiting for ${refName(t.kind, t.name)} to be deleted` } : { done: true };
  }
  if (!obj) return { done: true };
  switch (obj.kind) {
    case 'Deployment':
      return deploymentConverged(state, obj);
    case 'Pod':
      return podConverged(obj, true);
    default:
      return { done: true };
  }
}

function deploymentConverged(state: State, dep: KObject): Verdict {
  const want = dep.spec.replicas ?? 1;
  const s = dep.status ?? {};
  const ref = refName('Deployment', dep.metadata.name);
  if ((s.observedGeneration ?? 0) < (dep.metadata.generation ?? 1)) return { done: false, waitingFor: `waiting for ${ref} to be observed` };
  // With auto-rollback the controller undoes a failed rollout itself: keep waiting for that instead.
  const selfHealing = autoRollbackEnabled(dep);
  const deadline = (s.conditions ?? []).find((c: any) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
  if (deadline && !selfHealing) return { done: false, failure: new RolloutFailedError(`deployment "${dep.metadata.name}" exceeded its progress deadline`) };
  if (dep.spec.paused) return { done: true };
  const pods = state.list('Pod', dep.metadata.namespace).filter((p) => ownedBy(state, p, dep));
  for (const pod of selfHealing ? [] : pods.filter((p) => !p.metadata.deletionTimestamp)) {
    const stuck = podConverged(pod, false);
    if (stuck.failure) return stuck;
  }
  const done = (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && pods.length === want;
  return done ? { done } : { done, waitingFor: `waiting for ${ref}: ${s.availableReplicas ?? 0}/${want} available, ${s.updatedReplicas ?? 0} updated, ${pods.length} pods` };
}

/** Pods count as converged when Ready, or finished for run-to-completion pods. */
function podConverged(pod: KObject, needReady: boolean): Verdict {
  const ref = `pod/${pod.metadata.name}`;
  const unschedulable = (pod.status?.conditions ?? []).find((c: any) => c.type === 'PodScheduled' && c.status === 'False');
  if (unschedulable) {
    return { done: false, failure: new RolloutFailedError(`${ref} is not ready: ${unschedulable.reason ?? 'Unschedulable'}: ${unschedulable.message ?? ''}`.trimEnd(), `the object was applied and kctl keeps retrying; see \`kctl describe pod ${pod.metadata.name}\``) };
  }
  for (const cs of pod.status?.containerStatuses ?? []) {
    const reason = cs.state?.waiting?.reason;
    if (reason && STUCK_REASONS.has(reason)) {
      return { done: false, failure: new RolloutFailedError(`${ref} is not ready: ${reason}${cs.state.waiting.message ? `: ${cs.state.waiting.message}` : ''}`, `the object was applied and kctl keeps retrying; see \`kctl describe pod ${pod.metadata.name}\``) };
    }
  }
  if (!needReady) return { done: true };
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { done: true };
  return isPodReady(pod) ? { done: true } : { done: false, waitingFor: `waiting for ${ref} to be ready` };
}

function ownedBy(state: State, pod: KObject, dep: KObject): boolean {
  const rsName = pod.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet')?.name;
  if (!rsName) return false;
  const rs = state.get('ReplicaSet', pod.metadata.namespace, rsName);
  return rs?.metadata.ownerReferences?.some((o) => o.uid === dep.metadata.uid) ?? false;
}
