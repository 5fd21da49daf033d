/** A refusal names the kinds that can do what was asked from the registry (src/ops/kind-names.ts). */
import { inDiscoveryOrder, kindDefinition, kindsWith } from '../../src/kinds/registry';
import { oneOf, pluralsOf } from '../../src/ops/kind-names';

const kinds = (...names: string[]) => names.map((n) => kindDefinition(n)!);

test('one, two and more kinds, as kubectl lists them', () => {
  expect(pluralsOf(kinds('Pod'))).toBe('pods');
  expect(pluralsOf(kinds('Deployment', 'ReplicaSet'))).toBe('deployments and replicasets');
  expect(oneOf(kinds('Deployment', 'ReplicaSet', 'Pod', 'Service'))).toBe('deployment, replicaset, pod or service');
});

test('kindsWith keeps registry order; inDiscoveryOrder puts the core group first', () => {
  const runPods = kindsWith((d) => d.podsOf);
  expect(runPods.map((d) => d.kind)).toEqual(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController', 'Job', 'Pod']);
  expect(inDiscoveryOrder(runPods).map((d) => d.kind)).toEqual(['Pod', 'ReplicationController', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job']);
});
