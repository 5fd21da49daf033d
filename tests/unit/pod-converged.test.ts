import type { KObject } from '../../src/api/types';
import { RolloutFailedError } from '../../src/errors';
import { podConverged } from '../../src/kinds/pod/converged';

const pod = (status: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {}, status });
const waiting = (reason: string, message?: string) => pod({ containerStatuses: [{ name: 'a', state: { running: {} } }, { name: 'b', state: { waiting: { reason, ...(message ? { message } : {}) } } }] });
const HINT = 'the object was applied and kctl keeps retrying; see `kctl describe pod p`';

function failure(p: KObject, needReady = true): { message: string; hint?: string } {
  const verdict = podConverged(p, needReady);
  expect(verdict.done).toBe(false);
  expect(verdict.failure).toBeInstanceOf(RolloutFailedError);
  const e = verdict.failure as RolloutFailedError;
  return { message: e.message, hint: e.hint };
}

describe('podConverged', () => {
  test.each(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'InvalidImageName'])(
    'a container waiting with %s fails the wait early, ready needed or not',
    (reason) => {
      expect(failure(waiting(reason, 'why'))).toEqual({ message: `pod/p is not ready: ${reason}: why`, hint: HINT });
      expect(failure(waiting(reason), false)).toEqual({ message: `pod/p is not ready: ${reason}`, hint: HINT });
    },
  );

  test('waiting reasons that pass on their own do not fail it', () => {
    expect(podConverged(waiting('ContainerCreating'), true)).toEqual({ done: false, waitingFor: 'waiting for pod/p to be ready' });
    expect(podConverged(waiting('PodInitializing'), false)).toEqual({ done: true });
    expect(podConverged(pod({ containerStatuses: [{ name: 'a', state: {} }] }), false)).toEqual({ done: true });
    expect(podConverged(pod({ containerStatuses: [{ name: 'a' }] }), false)).toEqual({ done: true });
  });

  test('an unscheduled pod fails with its reason and message, or Unschedulable', () => {
    const unscheduled = (c: Record<string, unknown>) => pod({ conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'False', ...c }] });
    expect(failure(unscheduled({ reason: 'NoRoom', message: 'the host runs 500 pods' }))).toEqual({ message: 'pod/p is not ready: NoRoom: the host runs 500 pods', hint: HINT });
    expect(failure(unscheduled({}), false)).toEqual({ message: 'pod/p is not ready: Unschedulable:', hint: HINT });
    expect(podConverged(pod({ conditions: [{ type: 'PodScheduled', status: 'True' }] }), false)).toEqual({ done: true });
  });

  test('with needReady: done when Ready or finished, waiting otherwise', () => {
    expect(podConverged(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }), true)).toEqual({ done: true });
    expect(podConverged(pod({ phase: 'Succeeded' }), true)).toEqual({ done: true });
    expect(podConverged(pod({ phase: 'Failed' }), true)).toEqual({ done: true });
    expect(podConverged(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] }), true)).toEqual({ done: false, waitingFor: 'waiting for pod/p to be ready' });
    expect(podConverged(pod({ phase: 'Pending' }), true)).toEqual({ done: false, waitingFor: 'waiting for pod/p to be ready' });
    expect(podConverged({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }, true)).toEqual({ done: false, waitingFor: 'waiting for pod/p to be ready' });
    expect(podConverged({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }, false)).toEqual({ done: true });
  });
});
