import { POD_TEMPLATE_HASH_LABEL, SAFE_ALPHABET, equalIgnoringHash, podTemplateHash } from '../../src/api/pod-template-hash';
import { scaledValue } from '../../src/api/intstr';
import { ValidationError } from '../../src/errors';
import { resolveFenceposts } from '../../src/kinds/deployment/controller/spec';
import { maxSurgeOf, strategyOf } from '../../src/kinds/deployment/controller/strategies';
import { deployment } from './rollout-sim';

const template = () => ({ metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'app', image: 'web:v1', ports: [{ containerPort: 80 }] }] } });

describe('pod-template-hash', () => {
  test('is a Kubernetes-like short name over the safe alphabet', () => {
    const hash = podTemplateHash(template());
    expect(hash).toMatch(new RegExp(`^[${SAFE_ALPHABET}]{1,10}$`));
    expect(SAFE_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
  });

  test('never changes between kctl versions (a new hash would roll out every Deployment again)', () => {
    expect(podTemplateHash(template())).toBe('5894fd6b86');
  });

  test('is stable: key order, empty maps and the hash label itself do not change it', () => {
    const a = template();
    const b = { spec: { containers: [{ ports: [{ containerPort: 80 }], image: 'web:v1', name: 'app' }], volumes: [] }, metadata: { annotations: {}, labels: { tier: 'front', app: 'web', [POD_TEMPLATE_HASH_LABEL]: 'xyz' } } };
    expect(podTemplateHash(b)).toBe(podTemplateHash(a));
    expect(equalIgnoringHash(a, b)).toBe(true);
    expect(a.metadata.labels).not.toHaveProperty(POD_TEMPLATE_HASH_LABEL); // inputs are not modified
    expect(b.metadata.labels[POD_TEMPLATE_HASH_LABEL]).toBe('xyz');
  });

  test('changes with the template and with the collision count', () => {
    const changed = template();
    changed.spec.containers[0].image = 'web:v2';
    expect(podTemplateHash(changed)).not.toBe(podTemplateHash(template()));
    expect(equalIgnoringHash(changed, template())).toBe(false);
    expect(podTemplateHash(template(), 1)).not.toBe(podTemplateHash(template()));
    expect(podTemplateHash(template(), 1)).not.toBe(podTemplateHash(template(), 2));
  });
});

describe('IntOrString', () => {
  test.each([
    [3, 10, true, 3],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['25%', 1, true, 1],
    ['25%', 1, false, 0],
    ['100%', 5, false, 5],
    ['0%', 5, true, 0],
    [undefined, 5, true, 0],
  ])('%p of %i (round up: %p) is %i', (value, total, up, want) => {
    expect(scaledValue(value, total, up)).toBe(want);
  });

  test('a string that is not a percentage is a validation error', () => {
    expect(() => scaledValue('3', 10, true)).toThrow(ValidationError);
    expect(() => scaledValue('3', 10, true)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage: "3"');
  });
});

describe('maxSurge and maxUnavailable', () => {
  test('semantics.md examples: 10 replicas at 25%/25% give 3/2, 1 replica gives 1/0', () => {
    expect(resolveFenceposts(deployment({ replicas: 10 }))).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(resolveFenceposts(deployment({ replicas: 1 }))).toEqual({ maxSurge: 1, maxUnavailable: 0 });
  });

  test('both resolving to 0 lets one pod be unavailable', () => {
    expect(resolveFenceposts(deployment({ replicas: 3, maxSurge: 0, maxUnavailable: '25%' }))).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });

  test('defaults are 25%/25% when rollingUpdate is absent', () => {
    const dep = deployment({ replicas: 10 });
    delete dep.spec.strategy.rollingUpdate;
    expect(resolveFenceposts(dep)).toEqual({ maxSurge: 3, maxUnavailable: 2 });
  });

  test('maxUnavailable never exceeds replicas, and both are 0 for Recreate', () => {
    const maxUnavailable = (dep: ReturnType<typeof deployment>) => strategyOf(dep)!.maxUnavailable(dep);
    expect(maxUnavailable(deployment({ replicas: 2, maxUnavailable: 5 }))).toBe(2);
    expect(maxUnavailable(deployment({ replicas: 0 }))).toBe(0);
    const recreate = deployment({ replicas: 10, strategy: 'Recreate' });
    expect([maxSurgeOf(recreate), maxUnavailable(recreate)]).toEqual([0, 0]);
  });
});
