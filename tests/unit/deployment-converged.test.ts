import type { KObject } from '../../src/api/types';
import { RolloutFailedError } from '../../src/errors';
import { deploymentConverged } from '../../src/kinds/deployment/controller/converged';
import { emptyState, State } from '../../src/store/state';

const owner = (o: KObject) => [{ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true }];

function world(opts: { status?: Record<string, unknown>; annotations?: Record<string, string>; paused?: boolean; pods?: { waiting?: string; deleting?: boolean }[] } = {}) {
  const dep: KObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd', generation: 2, ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'w' }] } }, ...(opts.paused ? { paused: true } : {}) },
    status: { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2, ...opts.status },
  };
  const state = new State(emptyState());
  state.put(dep);
  const rs: KObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'r', ownerReferences: owner(dep) }, spec: { replicas: 2 } };
  state.put(rs);
  (opts.pods ?? [{}, {}]).forEach((p, i) =>
    state.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-1-${i}`, namespace: 'default', uid: `p${i}`, ownerReferences: owner(rs), ...(p.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
      spec: {},
      status: { phase: 'Pending', ...(p.waiting ? { containerStatuses: [{ name: 'web', state: { waiting: { reason: p.waiting } } }] } : {}) },
    }),
  );
  return { state, dep: state.get('Deployment', 'default', 'web')! };
}

/** A failure ends the wait as not done: the caller reports it. */
const failureOf = (v: ReturnType<typeof deploymentConverged>) => {
  if (v.failure) expect(v.done).toBe(false);
  return (v.failure as RolloutFailedError | undefined)?.message;
};
const deadline = { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };

describe('deploymentConverged', () => {
  test('done with exactly the pods it wants; waiting says the counts', () => {
    const { state, dep } = world();
    expect(deploymentConverged(state, dep)).toEqual({ done: true });
    const three = world({ pods: [{}, {}, {}] });
    expect(deploymentConverged(three.state, three.dep)).toEqual({ done: false, waitingFor: 'waiting for deployment.apps/web: 2/2 available, 2 updated, 3 pods' });
    const none = world({ status: { availableReplicas: undefined, updatedReplicas: undefined }, pods: [] });
    expect(deploymentConverged(none.state, none.dep)).toEqual({ done: false, waitingFor: 'waiting for deployment.apps/web: 0/2 available, 0 updated, 0 pods' });
  });

  test('an unknown strategy type fails with the InvalidSpec message, before the spec is observed', () => {
    const { state, dep } = world({ status: { observedGeneration: 1, conditions: [{ type: 'InvalidSpec', status: 'True', message: 'spec.strategy.type: Unsupported value: "Bogus"' }] } });
    dep.spec.strategy = { type: 'Bogus' };
    expect(failureOf(deploymentConverged(state, dep))).toBe('deployment "web" has an invalid spec: spec.strategy.type: Unsupported value: "Bogus"');
  });

  test('a spec not yet observed is waited for', () => {
    const { state, dep } = world({ status: { observedGeneration: 1 } });
    expect(deploymentConverged(state, dep)).toEqual({ done: false, waitingFor: 'waiting for deployment.apps/web to be observed' });
  });

  test('an exceeded progress deadline fails, unless auto-rollback will undo it', () => {
    const plain = world({ status: deadline });
    expect(failureOf(deploymentConverged(plain.state, plain.dep))).toBe('deployment "web" exceeded its progress deadline');
    const healing = world({ status: { ...deadline, availableReplicas: 1 }, annotations: { 'kctl.io/auto-rollback': 'true' } });
    expect(deploymentConverged(healing.state, healing.dep)).toEqual({ done: false, waitingFor: 'waiting for deployment.apps/web: 1/2 available, 2 updated, 2 pods' });
  });

  test('refused pods fail at once with the reason; a cleared refusal does not', () => {
    const refused = world({ status: { conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'violates PodSecurity' }] } });
    expect(failureOf(deploymentConverged(refused.state, refused.dep))).toBe('deployment "web" cannot create its pods: violates PodSecurity');
    const cleared = world({ status: { conditions: [{ type: 'ReplicaFailure', status: 'False', message: 'old' }] } });
    expect(deploymentConverged(cleared.state, cleared.dep)).toEqual({ done: true });
  });

  test('a stuck pod fails the wait, unless it is being deleted or auto-rollback is on; paused is done', () => {
    const stuck = world({ pods: [{}, { waiting: 'CrashLoopBackOff' }] });
    expect(failureOf(deploymentConverged(stuck.state, stuck.dep))).toBe('pod/web-1-1 is not ready: CrashLoopBackOff');
    const leaving = world({ pods: [{}, {}, { waiting: 'CrashLoopBackOff', deleting: true }] });
    expect(deploymentConverged(leaving.state, leaving.dep).failure).toBeUndefined();
    const healing = world({ pods: [{}, { waiting: 'ImagePullBackOff' }], annotations: { 'kctl.io/auto-rollback': 'true' } });
    expect(deploymentConverged(healing.state, healing.dep)).toEqual({ done: true });
    const paused = world({ paused: true, status: { availableReplicas: 0 }, pods: [{ waiting: 'CrashLoopBackOff' }] });
    expect(deploymentConverged(paused.state, paused.dep)).toEqual({ done: true });
  });
});
